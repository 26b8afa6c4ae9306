namespace AfterSales.BrowserTests.Infrastructure;

/// <summary>
/// The system's Chromium (Debian package <c>chromium</c>), never a browser Playwright downloads: the download fails
/// on CI machines and would pin a second browser. Missing Chromium skips the browser tests on a developer machine and
/// fails them when <c>CI=true</c>.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool CiDemandsIt => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why Chromium cannot be used, or null when it is there.</summary>
    public static string? Missing() =>
        File.Exists(ExecutablePath) ? null : $"Chromium is not installed at {ExecutablePath} (Debian: apt-get install chromium).";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
}
