namespace AfterSales.BrowserTests;

/// <summary>
/// The request form in a browser (portal.js): submitting without an item is stopped at the first item with the hint,
/// no round trip; the live re-check names its legal sources in the reader's language only, as the server-rendered answer does.
/// </summary>
public sealed class PortalFormTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task SubmittingWithoutAnItem_IsStoppedByTheBrowser_AndTheLiveCheckCitesTheLawInChineseOnly()
    {
        var consumer = Page;
        Assert.Equal("/portal", await SignInAsAsync(consumer, "wangfang"));
        await consumer.GetByRole(AriaRole.Link).Filter(new() { HasText = "纯棉圆领短袖T恤" }).First.ClickAsync();
        await Expect(consumer).ToHaveURLAsync(new Regex("/portal/orders/[^?]+$"));
        var orderPage = consumer.Url;
        await Expect(consumer.GetByText("请至少勾选一件商品。")).ToBeVisibleAsync();

        await consumer.GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true }).ClickAsync();

        var first = consumer.Locator(".line-pick input[type=checkbox]:not([disabled])").First;
        Assert.Equal("请至少勾选一件商品。", await first.EvaluateAsync<string>("e => e.validationMessage"));
        Assert.Equal(orderPage, consumer.Url);
        await Expect(consumer.Locator(".problem")).ToHaveCountAsync(0);

        await consumer.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex(Regex.Escape("纯棉圆领短袖T恤")) }).CheckAsync();
        Assert.Equal("", await first.EvaluateAsync<string>("e => e.validationMessage"));
        var answer = consumer.Locator("#eligibility");
        await Expect(answer).ToContainTextAsync("依据: 消费者权益保护法 第二十五条");
        await Expect(answer).Not.ToContainTextAsync("Consumer Rights Protection Law");
        await ScreenshotAsync(consumer, "portal/order-live-check");
    }
}
