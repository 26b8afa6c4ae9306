using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The consumer portal (issue 6): my orders are mine only, the request form explains eligibility in plain words
/// (yes with the deadline, no with the reason and its legal source), filing opens the case and lands on it, another
/// consumer's order is not found, and the return waybill moves the case on.
/// </summary>
public abstract partial class PortalPagesTests(AfterSalesApp app) : ApiTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ReadAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));

    [Fact]
    public async Task MyOrders_ListsOnlyMine_AndAnEmptyListSaysWhatToDo()
    {
        var mine = await PortalWorld.ConsumerWithOrderAsync(Api);
        var theirs = await PortalWorld.ConsumerWithOrderAsync(Api);
        var caseNo = (await Api.OpenCaseAsync(mine.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var theirCase = (await Api.OpenCaseAsync(theirs.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();

        var web = await WebSession.SignInAsync(App, mine.User);
        var (status, html) = await web.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(mine.OrderNo, html, StringComparison.Ordinal);
        Assert.Contains(caseNo, html, StringComparison.Ordinal);
        Assert.Contains("待商家处理", html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.OrderNo, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirCase, html, StringComparison.Ordinal);
        Assert.Contains("/css/portal.css", html, StringComparison.Ordinal);
        // Every page's browser asks for /favicon.ico: an icon, not a 404 in each page's log.
        using var icon = await App.CreateBrowserClient().GetAsync("/favicon.ico", Ct);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);

        // A consumer without orders is told what to do, not shown an empty table.
        var empty = Name("consumer");
        var body = User(empty, StrongPassword, "consumer");
        body["consumerId"] = Samples.NewId("c");
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
        var none = (await (await WebSession.SignInAsync(App, empty)).GetAsync("/portal")).Html;
        Assert.Contains("还没有订单", none, StringComparison.Ordinal);
        Assert.Contains("还没有售后申请", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCheck_SaysYes_WithTheDeadline_ForANoReasonReturnWithinSevenDays()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";
        var (status, form) = await web.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("申请售后", form, StringComparison.Ordinal);
        Assert.Contains("13812341234", form, StringComparison.Ordinal); // the owner sees the recipient whole

        var checkedPage = await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form());
        Assert.Equal(HttpStatusCode.OK, checkedPage.StatusCode);
        var html = await ReadAsync(checkedPage);
        var answer = await (await SignedInAsync(App, me.User)).PostAsync("/api/v1/eligibility",
            Samples.CaseRequest(me.OrderNo, "return_refund", "no_reason_7day"));
        Assert.True(answer.Json["eligible"]!.GetValue<bool>(), answer.ToString());
        Assert.Contains("可以申请", html, StringComparison.Ordinal);
        Assert.Contains(PortalWorld.Shown(answer.Json["deadline"]!.GetValue<string>()), html, StringComparison.Ordinal);
        Assert.Contains("退货运费", html, StringComparison.Ordinal);
        Assert.Contains("¥3,799.00", html, StringComparison.Ordinal);
        Assert.Contains("消费者权益保护法 第二十五条", html, StringComparison.Ordinal);
        Assert.Empty((await Api.ListCasesAsync("q=" + me.OrderNo)).Json["items"]!.AsArray()); // asking changes nothing
    }

    [Fact]
    public async Task TheCheck_SaysNo_WithTheReason_ForAPerishableItem_AndFilingIsRefusedWithIt()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api, PortalWorld.Perishable);
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/orders/{me.OrderNo}";
        var answer = await (await SignedInAsync(App, me.User)).PostAsync("/api/v1/eligibility",
            Samples.CaseRequest(me.OrderNo, "return_refund", "no_reason_7day"));
        Assert.False(answer.Json["eligible"]!.GetValue<bool>(), answer.ToString());
        var why = answer.Json["reasons"]!.AsArray().First(r => r!["outcome"]!.GetValue<string>() == "fail")!["message"]!.GetValue<string>();

        // The API names the line by number; the form names the product (title and SKU) instead.
        Assert.StartsWith("第 1 行商品", why, StringComparison.Ordinal);
        why = "商品「大闸蟹」（SKU-CRAB）" + why["第 1 行商品".Length..];

        var html = await ReadAsync(await web.PostFormAsync(page + "?handler=Check", PortalWorld.Form()));
        Assert.Contains("不能申请", html, StringComparison.Ordinal);
        Assert.Contains(why, html, StringComparison.Ordinal);
        Assert.DoesNotContain("第 1 行", html, StringComparison.Ordinal);
        // portal.js re-checks on change with the same names, carried on each line of the form.
        Assert.Contains("data-line-name=\"商品「大闸蟹」（SKU-CRAB）\"", html, StringComparison.Ordinal);

        var refused = await web.PostFormAsync(page + "?handler=Submit", PortalWorld.Form());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var explained = await ReadAsync(refused);
        Assert.Contains("role=\"alert\"", explained, StringComparison.Ordinal);
        Assert.Contains(why, explained, StringComparison.Ordinal);
        Assert.Empty((await Api.ListCasesAsync("q=" + me.OrderNo)).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task Filing_OpensTheCase_AndLandsOnIt_WithTheStepBar()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        var filed = await web.PostFormAsync($"/portal/orders/{me.OrderNo}?handler=Submit", PortalWorld.Form());
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var location = filed.Headers.Location!.OriginalString;
        Assert.StartsWith("/portal/cases/", location, StringComparison.Ordinal);
        var caseNo = location["/portal/cases/".Length..];
        var c = await Api.CaseAsync(caseNo);
        Assert.Equal("requested", c["status"]!.GetValue<string>());
        Assert.Equal(me.OrderNo, c["orderNo"]!.GetValue<string>());
        Assert.Equal("web", c["channel"]!.GetValue<string>());

        var (status, html) = await web.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Matches("aria-current=\"step\">\\s*<span class=\"mark\" aria-hidden=\"true\">●</span>\\s*<span class=\"step-name\">商家处理</span>\\s*<span class=\"step-state\">当前</span>", html);
        Assert.Contains("等待商家处理您的申请", html, StringComparison.Ordinal);

        // My cases tells the same one story of what comes next as the case page, not a second clock beside it.
        var due = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"due-text\">([^<]*)<").Groups[1].Value.Trim();
        Assert.StartsWith("等待商家处理您的申请", due, StringComparison.Ordinal);
        var list = (await web.GetAsync("/portal")).Html;
        Assert.Contains($"data-testid=\"due-next\">{due}</p>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sla sla-", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherConsumersOrder_IsNotFound()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var other = await PortalWorld.ConsumerWithOrderAsync(Api);
        var web = await WebSession.SignInAsync(App, me.User);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/portal/orders/{other.OrderNo}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync("/portal/orders/PT-does-not-exist")).Status);
        // The form's token from my own order page; posting at theirs still finds nothing and files nothing.
        var post = await web.PostFormAsync($"/portal/orders/{other.OrderNo}?handler=Submit", PortalWorld.Form(), formPage: $"/portal/orders/{me.OrderNo}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty((await Api.ListCasesAsync("q=" + other.OrderNo)).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task EnteringTheWaybill_MovesTheCaseToReturnInTransit()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var caseNo = (await Api.OpenCaseAsync(me.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(caseNo, "agree");
        Assert.Equal("awaiting_return", agreed["status"]!.GetValue<string>());
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/cases/{caseNo}";
        var html = (await web.GetAsync(page)).Html;
        Assert.Contains("请把商品寄回商家", html, StringComparison.Ordinal);
        Assert.Contains("name=\"action\" value=\"ship-return\"", html, StringComparison.Ordinal);

        var shipped = await web.PostFormAsync(page + "?handler=Act", new()
        {
            ["action"] = "ship-return", ["version"] = agreed["version"]!.ToString(), ["Form.Carrier"] = "SF", ["Form.Waybill"] = "SF2026000123",
        });
        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        Assert.Equal("return_in_transit", (await Api.CaseAsync(caseNo))["status"]!.GetValue<string>());
        var after = (await web.GetAsync(page)).Html;
        Assert.Contains("等待商家确认收货", after, StringComparison.Ordinal);
        // The waybill stays on the case, with the carrier's name, for both sides to track.
        Assert.Contains("顺丰速运 SF2026000123", after, StringComparison.Ordinal);
    }
}

public sealed class PortalPagesTests_Sqlite(SqliteApp app) : PortalPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PortalPagesTests_Postgres(PostgresApp app) : PortalPagesTests(app), IClassFixture<PostgresApp>;
