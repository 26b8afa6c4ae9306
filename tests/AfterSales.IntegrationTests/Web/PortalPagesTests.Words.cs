using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The order page and request form in the reader's language only: legal sources in one language (the API keeps its
/// bilingual text), the carrier by name, a missing item choice said with the field's label, the shop's own policy
/// named as such, and no text of the other language except the order's own data.
/// </summary>
public abstract partial class PortalPagesTests
{
    /// <summary>
    /// The visible text of the page's main part (the header carries the language switch and the user's display name)
    /// without the order's own data (recipient, as Samples.Order writes it) and what the form sent back (its description).
    /// </summary>
    private static string Words(string html) =>
        VisibleText.Of(html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)]).Replace("张三", "", StringComparison.Ordinal).Replace("上海市浦东新区世纪大道1号", "", StringComparison.Ordinal)
            .Replace("不想要了", "", StringComparison.Ordinal);

    [Fact]
    public async Task LegalSources_AreInTheReadersLanguageOnly_WhileTheApiKeepsItsBilingualSource()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";

        var zh = await ReadAsync(await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form()));
        Assert.Contains("依据: 消费者权益保护法 第二十五条", VisibleText.Of(zh), StringComparison.Ordinal);
        Assert.DoesNotContain("Consumer Rights Protection Law", VisibleText.Of(zh), StringComparison.Ordinal);
        Assert.DoesNotContain("Interim Measures", VisibleText.Of(zh), StringComparison.Ordinal);

        await web.GetAsync("/language?to=en-US&returnUrl=%2Fportal");
        var en = await ReadAsync(await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form()));
        Assert.Contains("Source: Consumer Rights Protection Law Art. 25", VisibleText.Of(en), StringComparison.Ordinal);
        Assert.DoesNotContain("消费者权益保护法", en, StringComparison.Ordinal);
        Assert.DoesNotContain("七日无理由", en, StringComparison.Ordinal);
        // portal.js re-renders the API's answer: the page carries each source's words by key, in the reader's language.
        Assert.Contains("data-sources=", en, StringComparison.Ordinal);

        var answer = await (await SignedInAsync(App, me.User)).PostAsync("/api/v1/eligibility",
            Samples.CaseRequest(me.OrderNo, "return_refund", "no_reason_7day"));
        var shipping = answer.Json["reasons"]!.AsArray().First(r => r!["rule"]!.GetValue<string>() == "return_shipping")!;
        Assert.Equal("消费者权益保护法 第二十五条 / Consumer Rights Protection Law Art. 25", shipping["source"]!.GetValue<string>());
        Assert.Equal("crpl_art25", shipping["sourceKey"]!.GetValue<string>());
        Assert.Equal("interim_measures", answer.Json["decidedBy"]!["sourceKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task AShopsLongerWindow_AndItsPaidShipping_AreSaidAsTheShopsPolicy()
    {
        var shop = "";
        var me = await PortalWorld.ConsumerWithOrderAsync(Api, o => shop = o["shopId"]!.GetValue<string>());
        var put = await Api.PutAsync($"/api/v1/policies/shop:{shop}",
            new JsonObject { ["noReasonDays"] = 15, ["noReasonReturnShippingPaidBy"] = "merchant" });
        Assert.True(put.StatusCode == 200, put.ToString());
        var web = await WebSession.SignInAsync(App, me.User);

        var zh = VisibleText.Of(await ReadAsync(await web.PostFormAsync($"/portal/orders/{me.OrderNo}?handler=Check", PortalWorld.Form())));
        Assert.Contains("无理由退货期（15 天）内", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("七天无理由退货期", zh, StringComparison.Ordinal);
        Assert.Contains("按店铺售后政策，退货运费由商家承担。 依据: 店铺售后政策", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("质量问题退货的运费", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrderPage_NamesTheCarrier_AndShowsAnUnknownCarriersCode()
    {
        // Line 2 travels apart, with a carrier that has no name in the resources.
        var me = await PortalWorld.ConsumerWithOrderAsync(Api, o =>
        {
            o["shipments"]![0]!["lineNos"] = new JsonArray(1);
            o["shipments"]!.AsArray().Add(new JsonObject
            {
                ["carrier"] = "ACME", ["waybill"] = "AC123", ["lineNos"] = new JsonArray(2),
                ["shippedAt"] = Samples.Ago(2), ["signedAt"] = Samples.Ago(1),
            });
        });
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";

        var zh = VisibleText.Of((await web.GetAsync(page)).Html);
        Assert.Contains("顺丰速运 SF1000000001", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("SF SF1000000001", zh, StringComparison.Ordinal);
        Assert.Contains("ACME AC123", zh, StringComparison.Ordinal);

        await web.GetAsync("/language?to=en-US&returnUrl=%2Fportal");
        var en = VisibleText.Of((await web.GetAsync(page)).Html);
        Assert.Contains("SF Express SF1000000001", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittingWithoutAnItem_SaysItWithTheFieldsLabel_AndTheFormAsksForOneBeforehand()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";
        var none = PortalWorld.Form();
        none.Remove("Form.Lines[0].Selected");

        var form = (await web.GetAsync(page)).Html;
        Assert.Contains("aria-describedby=\"lines-hint\"", form, StringComparison.Ordinal);
        Assert.Contains("请至少勾选一件商品。", VisibleText.Of(form), StringComparison.Ordinal);

        var refused = await web.PostFormAsync(page + "?handler=Submit", none);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var zh = VisibleText.Of(await ReadAsync(refused));
        Assert.Contains("商品 : 至少需要一行商品", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("lines:", zh, StringComparison.Ordinal);
        Assert.Empty((await Api.ListCasesAsync("q=" + me.OrderNo)).Json["items"]!.AsArray());

        await web.GetAsync("/language?to=en-US&returnUrl=%2Fportal");
        var en = VisibleText.Of(await ReadAsync(await web.PostFormAsync(page + "?handler=Submit", none)));
        Assert.Contains("Items : at least one line is required", en, StringComparison.Ordinal);
        Assert.DoesNotContain("lines:", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormAndOrderPage_SpeakOneLanguage_ApartFromTheOrdersData()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";
        var quality = PortalWorld.Form("return_refund", "quality_issue");

        await web.GetAsync("/language?to=en-US&returnUrl=%2Fportal");
        foreach (var html in new[]
        {
            (await web.GetAsync(page)).Html,
            await ReadAsync(await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form())),
            await ReadAsync(await web.PostFormAsync(page + "?handler=Check", quality)),
        })
        {
            var words = Words(html);
            var chinese = Regex.Matches(words, "[\u4e00-\u9fff]+[^ ]*").Select(m => m.Value).ToList();
            Assert.True(chinese.Count == 0, "Chinese on the English page: " + string.Join(" | ", chinese));
        }

        await web.GetAsync("/language?to=zh-CN&returnUrl=%2Fportal");
        foreach (var html in new[]
        {
            (await web.GetAsync(page)).Html,
            await ReadAsync(await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form())),
            await ReadAsync(await web.PostFormAsync(page + "?handler=Check", quality)),
        })
        {
            // English words that are not the order's data (titles, SKUs, waybill, serial number, order number).
            var words = Regex.Replace(Words(html), "Phone case|Phone|SKU-[A-Z]+|SF1000000001|SN-0001|" + me.OrderNo, "");
            var english = Regex.Matches(words, "[A-Za-z]{3,}").Select(m => m.Value).Distinct().ToList();
            Assert.True(english.Count == 0, "English on the Chinese page: " + string.Join(" | ", english));
        }
    }
}
