using AfterSales.Web.Modules.Demo.Features;
using AfterSales.Web.Modules.Demo.Contracts;

namespace AfterSales.BrowserTests.Infrastructure;

/// <summary>
/// Steps a person takes, for the tests of every area (portal, shop, desk, dashboard, admin). They find elements the
/// way a person or a screen reader does — by label, role and name — in either language, so a page that passes them
/// has its labels. <c>using static AfterSales.BrowserTests.Infrastructure.Journeys;</c> is global in this project.
/// </summary>
public static partial class Journeys
{
    public const string SignInPath = "/account/sign-in";

    /// <summary>The browser as a person in China has it: Chinese, Beijing time, a laptop's screen.</summary>
    public static BrowserNewContextOptions ContextOptions(Uri baseAddress, string locale) => new()
    {
        BaseURL = baseAddress.ToString().TrimEnd('/'),
        Locale = locale,
        TimezoneId = "Asia/Shanghai",
        ViewportSize = new() { Width = 1280, Height = 800 },
    };

    /// <summary>The top bar (the page's banner landmark): brand, search, language switch, the person and sign-out.</summary>
    public static ILocator TopBar(IPage page) => page.GetByRole(AriaRole.Banner);

    /// <summary>
    /// Opens a page and fails unless the service answered 2xx (after redirects), e.g.
    /// <c>await OpenAsync(page, "/portal");</c>. Use <c>page.GotoAsync</c> directly to look at a refusal (404, 403).
    /// </summary>
    public static async Task<IResponse> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"GET {path}: no response.");
        Assert.True(response.Ok, $"GET {path} answered {response.Status} at {page.Url}.");
        return response;
    }

    /// <summary>
    /// Signs in through the form (user name and password fields found by their labels, the submit button by its name)
    /// and returns the path the service sent the person to (their area: /portal, /shop, /desk, /dashboard, /admin).
    /// Fails with the page's error message when the form refuses. Demo people: <see cref="DemoUsers.All"/>.
    /// </summary>
    public static async Task<string> SignInAsAsync(IPage page, string userName, string password = DemoUsers.Password)
    {
        await OpenAsync(page, SignInPath);
        await page.GetByLabel(UserNameLabel()).FillAsync(userName);
        await page.GetByLabel(PasswordLabel()).FillAsync(password);
        // The form's POST answers 302 (signed in) or 400 (the form again, with the message): wait for that answer, then for the page it leads to.
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { NameRegex = SignInButton() }).ClickAsync(),
            r => r.Request.Method == "POST" && IsPath(r.Url, SignInPath));
        if (answer.Status != 302)
        {
            var alert = page.GetByRole(AriaRole.Alert);
            await alert.WaitForAsync();
            Assert.Fail($"Signing in as {userName} was refused ({answer.Status}): " + await alert.InnerTextAsync());
        }
        await page.WaitForURLAsync(url => !IsPath(url, SignInPath));
        var path = new Uri(page.Url).AbsolutePath;
        return path;
    }

    /// <summary>Signs out with the top bar's button; the service answers with the sign-in page.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        var answer = await page.RunAndWaitForResponseAsync(
            () => TopBar(page).GetByRole(AriaRole.Button, new() { NameRegex = SignOutButton() }).ClickAsync(),
            r => r.Request.Method == "POST" && IsPath(r.Url, "/account/sign-out"));
        Assert.Equal(302, answer.Status);
        await page.WaitForURLAsync(url => IsPath(url, SignInPath));
        await page.WaitForLoadStateAsync();
    }

    /// <summary>
    /// Saves a full-page PNG as <c>screenshots/{name}.png</c> in the test output folder (<c>bin/…/screenshots</c>;
    /// names: lower case, digits, <c>.</c>, <c>-</c>, <c>/</c> for a subfolder, e.g. <c>portal/case-detail</c>).
    /// Take one of every main page a test visits. It also fails the test when the page so far threw a script error
    /// or broke the content security policy (see <see cref="Watch"/>). Returns the file's path.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool checkPage = true)
    {
        if (!ScreenshotName().IsMatch(name)) throw new ArgumentException($"Screenshot name '{name}': use a-z, 0-9, '.', '-', '/'.", nameof(name));
        if (checkPage) AssertNoPageProblems(page);
        var path = Path.Combine(ScreenshotFolder.Path, name.Replace('/', Path.DirectorySeparatorChar) + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Problems = [];

    /// <summary>Records what a person would not see but a page must not do: uncaught script errors and CSP violations.</summary>
    public static IPage Watch(IPage page)
    {
        var problems = Problems.GetOrCreateValue(page);
        page.PageError += (_, error) => { lock (problems) problems.Add("script error: " + error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (problems) problems.Add("CSP: " + message.Text);
        };
        return page;
    }

    public static void AssertNoPageProblems(IPage page)
    {
        if (!Problems.TryGetValue(page, out var problems)) return;
        lock (problems) Assert.True(problems.Count == 0, $"{page.Url}:\n" + string.Join("\n", problems));
    }

    private static bool IsPath(string url, string path) => new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);

    internal static string FileSafe(string text) => UnsafeInName().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("^(用户名|User name)$")]
    public static partial Regex UserNameLabel();

    [GeneratedRegex("^(密码|Password)$")]
    public static partial Regex PasswordLabel();

    [GeneratedRegex("^(登录|Sign in)$")]
    public static partial Regex SignInButton();

    [GeneratedRegex("^(退出登录|Sign out)$")]
    public static partial Regex SignOutButton();

    [GeneratedRegex("^[a-z0-9][a-z0-9./-]*$")]
    private static partial Regex ScreenshotName();

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex UnsafeInName();
}
