namespace AfterSales.BrowserTests;

/// <summary>
/// The main journeys of issue 6, each person in a browser of their own, on the demo data: 王芳 (wangfang) files a
/// no-reason return on the demo order that has no case yet and ships it, 安娜 (anna) agrees, confirms receipt and
/// inspects, the refund shows on both sides; a refusal appealed to the platform and ruled by 孙丽 (sunli); the case
/// counted on 马强's (maqiang) dashboard. Every page the journey passes is saved as a screenshot.
/// </summary>
public sealed class JourneyTests(BrowserApp app) : BrowserTest(app)
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The consumer files a request on one line of the demo order without a case (A10) and returns the case number.</summary>
    private async Task<string> FileAsync(IPage consumer, string lineTitle, string shot)
    {
        await OpenAsync(consumer, "/portal");
        await ScreenshotAsync(consumer, "portal/home");
        await consumer.GetByRole(AriaRole.Link).Filter(new() { HasText = "纯棉圆领短袖T恤" }).First.ClickAsync();
        await Expect(consumer).ToHaveURLAsync(new Regex("/portal/orders/"));
        await consumer.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex(Regex.Escape(lineTitle)) }).CheckAsync();
        await consumer.GetByLabel("售后类型").SelectOptionAsync("return_refund");
        await consumer.GetByLabel("原因", new() { Exact = true }).SelectOptionAsync("no_reason_7day");
        await Button(consumer, "检查是否符合条件").ClickAsync();
        await Expect(consumer.GetByText("✓ 可以申请").First).ToBeVisibleAsync();
        await ScreenshotAsync(consumer, shot);
        await Button(consumer, "提交申请").ClickAsync();
        await Expect(consumer).ToHaveURLAsync(new Regex("/portal/cases/AS\\d+$"));
        return new Uri(consumer.Url).Segments[^1];
    }

    private static async Task ActAsync(IPage page, string button, string expectStatus)
    {
        await Button(page, button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已");
        await Expect(page.Locator(".case-head .status")).ToHaveTextAsync(expectStatus);
    }

    [Fact]
    public async Task ANoReasonReturn_IsFiledAndShipped_TheMerchantConfirmsReceipt_AndTheRefundShows()
    {
        var consumer = Page;
        Assert.Equal("/portal", await SignInAsAsync(consumer, "wangfang"));
        var caseNo = await FileAsync(consumer, "纯棉圆领短袖T恤", "portal/order-eligible");
        await Expect(consumer.Locator(".case-head .status")).ToHaveTextAsync("待商家处理");
        await ScreenshotAsync(consumer, "portal/case-requested");

        var merchant = await NewPageAsync();
        Assert.Equal("/shop", await SignInAsAsync(merchant, "anna"));
        await Expect(merchant.GetByRole(AriaRole.Link, new() { Name = caseNo })).ToBeVisibleAsync();
        await ScreenshotAsync(merchant, "shop/home");
        await OpenAsync(merchant, $"/shop/cases/{caseNo}");
        await ActAsync(merchant, "同意", "待寄回");

        await consumer.ReloadAsync();
        await consumer.Locator("#act-ship-return").GetByLabel("运单号").FillAsync("SF1234567890123");
        await ActAsync(consumer, "填写退货运单", "退货运输中");
        await ScreenshotAsync(consumer, "portal/case-shipped");

        await merchant.ReloadAsync();
        await ActAsync(merchant, "确认收货", "商家已收货");
        var inspect = merchant.Locator("#act-inspect");
        await inspect.GetByLabel("是").CheckAsync();
        await inspect.GetByLabel("备注").FillAsync("吊牌完好，不影响二次销售。");
        await ActAsync(merchant, "登记验货结果", "退款中");
        await Expect(merchant.GetByRole(AriaRole.Region, new() { Name = "退款记录" })).ToContainTextAsync("¥75.00");
        await ScreenshotAsync(merchant, "shop/case-refunding");

        await consumer.ReloadAsync();
        await Expect(consumer.Locator(".case-head .status")).ToHaveTextAsync("退款中");
        await Expect(consumer.GetByRole(AriaRole.Region, new() { Name = "退款记录" })).ToContainTextAsync("¥75.00 · 处理中");
        await ScreenshotAsync(consumer, "portal/case-refunding");
        await merchant.Context.CloseAsync();
    }

    [Fact]
    public async Task ARefusal_IsAppealed_AnAgentRules_AndTheDashboardCountsTheCase()
    {
        var consumer = Page;
        await SignInAsAsync(consumer, "wangfang");
        var caseNo = await FileAsync(consumer, "男士直筒牛仔裤", "portal/order-eligible-2");

        var merchant = await NewPageAsync();
        await SignInAsAsync(merchant, "anna");
        await OpenAsync(merchant, $"/shop/cases/{caseNo}");
        await merchant.Locator("#act-refuse").GetByLabel("理由").FillAsync("商品已下水洗涤，影响二次销售。");
        await ActAsync(merchant, "拒绝", "已拒绝");
        await ScreenshotAsync(merchant, "shop/case-refused");

        await consumer.ReloadAsync();
        await consumer.Locator("#act-appeal").GetByLabel("理由").FillAsync("商品未洗涤，吊牌齐全，请平台核实。");
        await ActAsync(consumer, "申请平台介入", "平台介入中");
        await ScreenshotAsync(consumer, "portal/case-appealed");

        var agent = await NewPageAsync();
        Assert.Equal("/desk", await SignInAsAsync(agent, "sunli"));
        await ScreenshotAsync(agent, "desk/home");
        await OpenAsync(agent, $"/desk/cases/{caseNo}");
        var rule = agent.Locator("#act-rule");
        await rule.GetByLabel("结果").SelectOptionAsync("consumer");
        await rule.GetByLabel("备注").FillAsync("凭证显示吊牌完好，支持退货退款。");
        await Button(agent, "裁决").ClickAsync();
        await Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("已作出裁决。");
        await Expect(agent.Locator(".case-head .status")).Not.ToHaveTextAsync("平台介入中");
        await Expect(agent.GetByRole(AriaRole.Region, new() { Name = "处理记录" })).ToContainTextAsync("已裁决");
        await ScreenshotAsync(agent, "desk/case-ruled");

        var supervisor = await NewPageAsync();
        Assert.Equal("/dashboard", await SignInAsAsync(supervisor, "maqiang"));
        await ScreenshotAsync(supervisor, "dashboard/home");
        await OpenAsync(supervisor, "/dashboard/cases?type=return_refund");
        await Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = caseNo })).ToBeVisibleAsync();
        await ScreenshotAsync(supervisor, "dashboard/cases");
        foreach (var p in new[] { merchant, agent, supervisor }) await p.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryAdminPage_Renders_WithoutAScriptOrPolicyError()
    {
        Assert.Equal("/admin", await SignInAsAsync(Page, "admin"));
        foreach (var (path, name) in new[]
        {
            ("/admin", "admin/home"), ("/admin/users", "admin/users"), ("/admin/api-keys", "admin/api-keys"),
            ("/admin/webhooks", "admin/webhooks"), ("/admin/calendars", "admin/calendars"),
            ("/admin/calendars/cn?year=2026&month=10", "admin/calendar-cn-2026-10"), ("/admin/policies", "admin/policies"),
            ("/admin/sla", "admin/sla"), ("/admin/routing", "admin/routing"), ("/admin/audit", "admin/audit"),
        })
        {
            await OpenAsync(Page, path);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await ScreenshotAsync(Page, name);
        }
        // National Day 2026 is marked as a holiday in words, not by colour alone.
        await OpenAsync(Page, "/admin/calendars/cn?year=2026&month=10");
        await Expect(Page.GetByText("休").First).ToBeVisibleAsync();
    }
}
