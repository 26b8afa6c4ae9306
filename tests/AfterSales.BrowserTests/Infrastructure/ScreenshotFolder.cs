[assembly: AssemblyFixture(typeof(AfterSales.BrowserTests.Infrastructure.ScreenshotFolder))]

namespace AfterSales.BrowserTests.Infrastructure;

/// <summary>
/// <c>screenshots/</c> in the test output folder (<c>tests/AfterSales.BrowserTests/bin/Debug/net10.0/screenshots</c>),
/// emptied once at the start of a run so that it holds only this run's pages.
/// </summary>
public sealed class ScreenshotFolder
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");

    public ScreenshotFolder()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(Path);
    }
}
