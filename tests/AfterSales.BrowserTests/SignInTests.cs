using AfterSales.Web.Modules.Demo.Features;
using AfterSales.Web.Modules.Demo.Contracts;

namespace AfterSales.BrowserTests;

/// <summary>Signing in and out through the form, as a person does it: with the mouse, and with the keyboard alone.</summary>
public sealed class SignInTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task SigningInAsAdmin_SendsThemToTheAdminArea_AndTheTopBarShowsThePerson()
    {
        await OpenAsync(Page, SignInPath);
        await Expect(TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "sign-in.zh-cn");

        await Page.GetByLabel("用户名").FillAsync("admin");
        await Page.GetByLabel("密码").FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The platform admin's home is /admin (UiRoles.HomeOf); the admin pages are being built, so only the address is checked there.
        await Expect(Page).ToHaveURLAsync(new Regex("/admin(/|$)"));
        await OpenAsync(Page, "/welcome");
        await Expect(TopBar(Page).Locator(".who")).ToHaveTextAsync(new Regex(@"^\s*平台管理员\s*·\s*平台管理员\s*$"));
        await Expect(TopBar(Page).GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        await Expect(TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "登录" })).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "welcome.admin");
    }

    [Fact]
    public async Task TheJourneyHelper_SignsInADemoConsumer_WhoseNameAndRoleAreInTheTopBar()
    {
        var home = await SignInAsAsync(Page, "wangfang");

        Assert.Equal("/portal", home);
        await OpenAsync(Page, "/welcome");
        await Expect(TopBar(Page)).ToContainTextAsync("王芳");
        await Expect(TopBar(Page)).ToContainTextAsync("消费者");
        await ScreenshotAsync(Page, "welcome.consumer");
    }

    [Fact]
    public async Task AWrongPassword_StaysOnTheForm_AndSaysSoInChinese()
    {
        await OpenAsync(Page, SignInPath);
        await Page.GetByLabel("用户名").FillAsync("anna");
        await Page.GetByLabel("密码").FillAsync("Not-the-password-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误。");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        // The user name is kept and tied to the message for screen readers; the password is not sent back.
        await Expect(Page.GetByLabel("用户名")).ToHaveValueAsync("anna");
        await Expect(Page.GetByLabel("用户名")).ToHaveAccessibleDescriptionAsync("用户名或密码错误。");
        await Expect(Page.GetByLabel("密码")).ToBeEmptyAsync();
        await Expect(TopBar(Page).GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "sign-in.wrong-password");
    }

    [Fact]
    public async Task SigningOut_ReturnsToTheSignInPage_AndTheSessionIsGone()
    {
        await SignInAsAsync(Page, "sunli");
        await OpenAsync(Page, "/welcome");
        await Expect(TopBar(Page)).ToContainTextAsync("孙丽（客服）");
        Assert.Contains(await Page.Context.CookiesAsync(), c => c.Name == "AfterSales.Auth");

        await SignOutAsync(Page);

        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await Expect(TopBar(Page).GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "sign-in.after-sign-out");
        // The session is really gone: no sign-in cookie, and a page for signed-in people is refused.
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), c => c.Name == "AfterSales.Auth");
        // (Refused: a 401, or sent to the sign-in form — whichever the service does for a page, never the page itself.)
        var welcome = await Page.GotoAsync("/welcome");
        var shown = welcome?.Ok == true && new Uri(Page.Url).AbsolutePath == "/welcome";
        Assert.False(shown, $"/welcome after signing out answered {welcome?.Status} at {Page.Url}.");
    }

    [Fact]
    public async Task TheSignInForm_WorksWithTheKeyboardAlone()
    {
        await OpenAsync(Page, SignInPath);
        var userName = Page.GetByLabel("用户名");
        var password = Page.GetByLabel("密码");

        // Tab from the top of the page reaches the user name field (after the skip link and the top bar's links).
        for (var i = 0; i < 10 && !await IsFocusedAsync(userName); i++) await Page.Keyboard.PressAsync("Tab");
        await Expect(userName).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("maqiang");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(password).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoUsers.Password);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeFocusedAsync();
        await ScreenshotAsync(Page, "sign-in.keyboard");

        // Enter in the password field submits the form.
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(password).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex("/dashboard(/|$)"));
        await OpenAsync(Page, "/welcome");
        await Expect(TopBar(Page)).ToContainTextAsync("马强（主管）");
    }

    private static Task<bool> IsFocusedAsync(ILocator element) => element.EvaluateAsync<bool>("e => e === document.activeElement");
}
