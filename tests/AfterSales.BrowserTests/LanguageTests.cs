namespace AfterSales.BrowserTests;

/// <summary>The language switch in the top bar: Chinese by default, English on request, remembered in a cookie.</summary>
public sealed class LanguageTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task TheEnglishLink_TurnsThePageToEnglish_AndTheChoiceIsRememberedOnTheNextPage()
    {
        await OpenAsync(Page, SignInPath);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();

        await TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        // Back on the same page, now in English.
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("User name")).ToBeVisibleAsync();
        await ScreenshotAsync(Page, "sign-in.en-us");

        // Another page, loaded afresh: still English, because the browser sends the culture cookie.
        await OpenAsync(Page, "/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demo sign-ins" })).ToBeVisibleAsync();
        await Expect(TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "中文" })).ToBeVisibleAsync();
        var cookies = await Page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("en-US", StringComparison.Ordinal));
        await ScreenshotAsync(Page, "home.en-us");

        // A browser without the cookie still gets Chinese.
        var other = await NewPageAsync();
        await OpenAsync(other, "/");
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await other.Context.CloseAsync();

        // And the way back.
        await TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "演示账号" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheEnglishChoice_HoldsThroughSignIn_AndTheWrongPasswordMessageIsInEnglish()
    {
        await OpenAsync(Page, SignInPath);
        await TopBar(Page).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");

        await Page.GetByLabel("User name").FillAsync("xiaoyu");
        await Page.GetByLabel("Password").FillAsync("Not-the-password-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or password is wrong.");

        await SignInAsAsync(Page, "xiaoyu");
        await OpenAsync(Page, "/welcome");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
        await Expect(TopBar(Page)).ToContainTextAsync("Merchant");
        await ScreenshotAsync(Page, "welcome.merchant.en-us");
    }
}
