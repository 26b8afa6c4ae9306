namespace AfterSales.BrowserTests.Infrastructure;

/// <summary>
/// The base of a browser test class: the class shares one service and one Chromium (<see cref="BrowserApp"/>), and
/// every test gets a browser context of its own — no cookies, Chinese as the browser's language (zh-CN, Asia/Shanghai),
/// a desktop viewport. <see cref="Page"/> skips the test when Chromium is missing (fails it with CI=true).
/// A test that fails leaves a screenshot of where it stood in <c>screenshots/failed/</c>.
/// </summary>
public abstract class BrowserTest(BrowserApp app) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    static BrowserTest()
    {
        // Generous waits for a shared two-core machine; they bound how long a wait may take, they time nothing.
        SetDefaultExpectTimeout(15_000);
    }

    protected BrowserApp App => app;

    /// <summary>This test's page (a fresh browser context per test).</summary>
    protected IPage Page
    {
        get
        {
            app.RequireBrowser();
            return _page ?? throw new InvalidOperationException("The test is not initialized.");
        }
    }

    /// <summary>Another context, as a second browser or person would have it (no cookies of this test's page).</summary>
    protected async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        app.RequireBrowser();
        var context = await app.Browser.NewContextAsync(Journeys.ContextOptions(app.BaseAddress, locale));
        return Journeys.Watch(await context.NewPageAsync());
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (app.Unavailable is not null) return;
        _context = await app.Browser.NewContextAsync(Journeys.ContextOptions(app.BaseAddress, "zh-CN"));
        _context.SetDefaultTimeout(30_000);
        _page = Journeys.Watch(await _context.NewPageAsync());
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_context is null) return;
        if (_page is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var test = TestContext.Current.Test?.TestDisplayName ?? "test";
            try
            {
                await Journeys.ScreenshotAsync(_page, "failed/" + Journeys.FileSafe(test), checkPage: false);
            }
            catch (PlaywrightException)
            {
                // The page may be gone (closed, crashed): the failure itself is the report.
            }
        }
        await _context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}
