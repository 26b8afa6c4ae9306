namespace AfterSales.BrowserTests;

/// <summary>
/// The case page at a phone's width (375 px): the due-next line, the badge naming its clock, long case and order
/// numbers and the action buttons all fit without the page scrolling sideways, for the consumer and the merchant.
/// </summary>
public sealed class CasePhoneTests(BrowserApp app) : BrowserTest(app)
{
    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    [Fact]
    public async Task TheCasePage_ReadsAtAPhonesWidth()
    {
        var consumer = Page;
        Assert.Equal("/portal", await SignInAsAsync(consumer, "wangfang"));
        await consumer.SetViewportSizeAsync(375, 740);
        // An open case of hers (not cancelled or closed): it has something due next.
        await consumer.GetByRole(AriaRole.Listitem).Filter(new() { HasNotTextRegex = new Regex("已撤销|已关闭") })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("AS\\d+") }).First.ClickAsync();
        await Expect(consumer).ToHaveURLAsync(new Regex("/portal/cases/AS\\d+$"));
        var caseNo = new Uri(consumer.Url).Segments[^1];
        await Expect(consumer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(caseNo);
        await Expect(consumer.GetByRole(AriaRole.Region, new() { Name = "下一步" })).ToBeVisibleAsync();
        Assert.True(await FitsAsync(consumer), "the consumer's case page scrolls sideways at 375 px");
        await ScreenshotAsync(consumer, "portal/case-phone");

        var merchant = await NewPageAsync();
        Assert.Equal("/shop", await SignInAsAsync(merchant, "anna"));
        await merchant.SetViewportSizeAsync(375, 740);
        await merchant.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^AS\\d+$") }).First.ClickAsync();
        await Expect(merchant).ToHaveURLAsync(new Regex("/shop/cases/AS\\d+$"));
        await Expect(merchant.GetByRole(AriaRole.Region, new() { Name = "下一步" })).ToBeVisibleAsync();
        Assert.True(await FitsAsync(merchant), "the merchant's case page scrolls sideways at 375 px");
        await ScreenshotAsync(merchant, "shop/case-phone");
    }
}
