using AfterSales.Web.Modules.Demo.Features;
using AfterSales.Web.Modules.Demo.Contracts;

namespace AfterSales.BrowserTests;

/// <summary>The home page in Development: how to sign in, and the demo sign-in of every role (UI.md).</summary>
public sealed class HomePageTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>The role names as the zh-CN page shows them (Resources/Ui.zh-CN.resx, Role.*).</summary>
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        ["consumer"] = "消费者", ["merchant"] = "商家", ["agent"] = "客服", ["supervisor"] = "主管", ["platform_admin"] = "平台管理员",
        ["qa_inspector"] = "质检员", ["trainer"] = "培训师", ["provider_manager"] = "服务商经理",
    };

    [Fact]
    public async Task TheHomePage_ListsTheDemoSignInOfEveryRole_WithThePassword()
    {
        await OpenAsync(Page, "/");
        await Expect(Page).ToHaveTitleAsync(new Regex("售后服务体系"));
        var demo = Page.GetByRole(AriaRole.Table, new() { Name = "演示账号" });
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "演示账号" })).ToBeVisibleAsync();
        await Expect(Page.GetByText(DemoUsers.Password)).ToBeVisibleAsync();

        // Every role of DOMAIN.md §1 has a row, and every demo person's row names the role and links to the sign-in form.
        Assert.Equal(RoleNames.Keys.Order(), DemoUsers.All.Select(d => d.Role).Distinct().Order());
        await Expect(demo.GetByRole(AriaRole.Row)).ToHaveCountAsync(DemoUsers.All.Length + 1);
        foreach (var d in DemoUsers.All)
        {
            var row = demo.GetByRole(AriaRole.Row).Filter(new() { Has = Page.Locator("code").GetByText(d.UserName, new() { Exact = true }) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(RoleNames[d.Role]);
            await Expect(row).ToContainTextAsync(d.DisplayName);
            await Expect(row).ToContainTextAsync(d.TryZh);
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToHaveAttributeAsync("href", "/account/sign-in?user=" + d.UserName);
        }
        await ScreenshotAsync(Page, "home.zh-cn");
    }

    [Fact]
    public async Task ADemoRowsSignInLink_OpensTheFormWithTheUserNameFilledIn()
    {
        await OpenAsync(Page, "/");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.Locator("code").GetByText("xiaoyu", new() { Exact = true }) });
        await row.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?user=xiaoyu$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("用户名")).ToHaveValueAsync("xiaoyu");
        await Expect(Page.GetByLabel("密码")).ToBeEmptyAsync();
        await ScreenshotAsync(Page, "sign-in.prefilled");

        await Page.GetByLabel("密码").FillAsync(DemoUsers.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/shop(/|$)"));
        await OpenAsync(Page, "/welcome");
        await Expect(TopBar(Page)).ToContainTextAsync("小雨（极客数码）");
    }
}
