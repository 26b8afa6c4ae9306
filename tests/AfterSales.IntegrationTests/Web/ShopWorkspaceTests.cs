using System.Globalization;
using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The merchant's list (/shop): tabs by what needs the merchant with their counts, never another shop's case,
/// filters from the URL, and bulk agree that reports each case's outcome.
/// </summary>
public abstract partial class ShopWorkspaceTests(AfterSalesApp app) : ApiTests(app)
{
    [GeneratedRegex("href=\"/shop/cases/([^\"]+)\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex("aria-current=\"page\">[^<]*<span class=\"count\">(\\d+)</span>")]
    private static partial Regex CurrentCount();

    private static List<string> Listed(string html) => CaseLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static int Count(string html) => int.Parse(CurrentCount().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);

    private async Task<string> MerchantAsync(string shop)
    {
        var name = Name("merchant");
        var body = User(name, StrongPassword, "merchant");
        body["shopIds"] = new JsonArray(shop);
        var created = await Api.PostAsync("/api/v1/users", body);
        Assert.True(created.StatusCode == 201, created.ToString());
        return name;
    }

    private async Task<string> OpenAsync(string shop, string type = "return_refund", string reason = "quality_issue", string? sku = null)
    {
        var orderNo = await Api.CreateOrderAsync(shop, o => { if (sku is not null) o["lines"]![0]!["sku"] = sku; });
        return (await Api.OpenCaseAsync(orderNo, type, reason))["caseNo"]!.GetValue<string>();
    }

    [Fact]
    public async Task Tabs_CountWhatNeedsTheMerchant_AndNeverShowAnotherShop()
    {
        var (shop, other) = (Samples.NewId("shop"), Samples.NewId("shop"));
        var requested = await OpenAsync(shop);
        var agreed = await OpenAsync(shop);
        await Api.DoAsync(agreed, "agree");
        var foreign = await OpenAsync(other);
        var merchant = await WebSession.SignInAsync(App, await MerchantAsync(shop));

        var (status, todo) = await merchant.GetAsync("/shop");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([requested], Listed(todo));
        Assert.Equal(1, Count(todo));
        // The row names the deadline that moves the case, the automatic agreement in calendar time, the same time
        // as the case page's due-next line; not the business-time SLA clock that named a later time.
        var autoAgree = PortalWorld.Shown(Assert.Single((await Api.CaseAsync(requested))["deadlines"]!.AsArray())!["dueAt"]!.GetValue<string>());
        Assert.Contains($"自动同意 · {autoAgree} · 还剩", todo, StringComparison.Ordinal);
        Assert.DoesNotContain("商家响应", todo, StringComparison.Ordinal);
        var receive = (await merchant.GetAsync("/shop?tab=receive")).Html;
        Assert.Equal([agreed], Listed(receive));
        var all = (await merchant.GetAsync("/shop?tab=all")).Html;
        Assert.Equal(2, Count(all));
        Assert.DoesNotContain(foreign, all, StringComparison.Ordinal);
        Assert.Contains("没有待验货的退货", (await merchant.GetAsync("/shop?tab=inspect")).Html, StringComparison.Ordinal);

        await merchant.GetAsync("/language?to=en-US&returnUrl=%2Fshop");
        Assert.Contains("Awaiting return", (await merchant.GetAsync("/shop")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ByTypeReasonSkuAndDate_AreKeptInTheUrl()
    {
        var shop = Samples.NewId("shop");
        var refund = await OpenAsync(shop, "refund_only", "not_as_described");
        var returned = await OpenAsync(shop, "return_refund", "quality_issue", sku: "SKU-RED-42");
        var merchant = await WebSession.SignInAsync(App, await MerchantAsync(shop));

        Assert.Equal([refund], Listed((await merchant.GetAsync("/shop?tab=all&type=refund_only")).Html));
        Assert.Equal([returned], Listed((await merchant.GetAsync("/shop?tab=all&reason=quality_issue")).Html));
        var bySku = (await merchant.GetAsync("/shop?tab=all&sku=SKU-RED-42")).Html;
        Assert.Equal([returned], Listed(bySku));
        Assert.Contains("value=\"SKU-RED-42\"", bySku, StringComparison.Ordinal);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(2, Listed((await merchant.GetAsync($"/shop?tab=all&from={today}&to={today}")).Html).Count);
        Assert.Empty(Listed((await merchant.GetAsync("/shop?tab=all&from=2020-01-01&to=2020-01-02")).Html));
    }

    [Fact]
    public async Task OneShopsStaff_ReadNoShopId_StaffOfSeveralShopsGetAShopColumn()
    {
        var (shop, second) = (Samples.NewId("shop"), Samples.NewId("shop"));
        var mine = await OpenAsync(shop);
        var other = await OpenAsync(second);
        var merchant = await WebSession.SignInAsync(App, await MerchantAsync(shop));
        var all = (await merchant.GetAsync("/shop?tab=all")).Html;
        Assert.Equal([mine], Listed(all));
        Assert.DoesNotContain(shop, VisibleText.Of(all), StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">店铺</th>", all, StringComparison.Ordinal);

        var name = Name("merchant");
        var body = User(name, StrongPassword, "merchant");
        body["shopIds"] = new JsonArray(shop, second);
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
        var both = (await (await WebSession.SignInAsync(App, name)).GetAsync("/shop?tab=all")).Html;
        Assert.Equal(new[] { mine, other }.Order(StringComparer.Ordinal), Listed(both).Order(StringComparer.Ordinal));
        Assert.Contains("<th scope=\"col\">店铺</th>", both, StringComparison.Ordinal);
        // Each row's shop, named through IShopNames (the id until shops are named), with the id in its title.
        Assert.Contains($"<td title=\"{second}\">", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkAgree_OneAllowedOneNot_ReportsBoth()
    {
        var shop = Samples.NewId("shop");
        var allowed = await OpenAsync(shop);
        var taken = await OpenAsync(shop);
        var foreign = await OpenAsync(Samples.NewId("shop"));
        await Api.DoAsync(taken, "agree");
        var merchant = await WebSession.SignInAsync(App, await MerchantAsync(shop));
        var token = Token((await merchant.GetAsync("/shop")).Html);

        using var response = await merchant.Http.PostAsync("/shop?handler=Agree&tab=todo", new FormUrlEncodedContent(
        [
            new("selected", $"{allowed}:1"),
            new("selected", $"{taken}:2"),
            new("selected", $"{foreign}:1"),
            new("__RequestVerificationToken", token),
        ]), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("成功 1 单，未成功 2 单", html, StringComparison.Ordinal);
        Assert.Matches($"✓ <span class=\"case-no\">{allowed}</span>", html);
        Assert.Matches($"✗ <span class=\"case-no\">{taken}</span>", html);
        Assert.Equal("awaiting_return", (await Api.CaseAsync(allowed))["status"]!.GetValue<string>());
        Assert.Equal("requested", (await Api.CaseAsync(foreign))["status"]!.GetValue<string>());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private static string Token(string html) => WebUtility.HtmlDecode(FormToken().Match(html).Groups[1].Value);
}

public sealed class ShopWorkspaceTests_Sqlite(SqliteApp app) : ShopWorkspaceTests(app), IClassFixture<SqliteApp>;

public sealed class ShopWorkspaceTests_Postgres(PostgresApp app) : ShopWorkspaceTests(app), IClassFixture<PostgresApp>;
