namespace AfterSales.IntegrationTests;

/// <summary><c>GET /api/v1/cases</c>: filters, newest first, cursor pages, and bad parameters.</summary>
public abstract class CaseListTests(AfterSalesApp app) : ApiTests(app)
{
    /// <summary>One shop with three cases (return_refund requested, refund_only refunding, complaint assigned), oldest first.</summary>
    private async Task<(string Shop, string OrderNo, string[] CaseNos)> ShopWithThreeCasesAsync()
    {
        var shop = Samples.NewId("shop");
        var orderNo = await Api.CreateOrderAsync(shop);
        var returnRefund = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var refundOnly = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 1)]))["caseNo"]!.GetValue<string>();
        var complaint = (await Api.OpenCaseAsync(orderNo, "complaint", "other"))["caseNo"]!.GetValue<string>();
        await Api.DoAsync(refundOnly, "agree");
        await Api.DoAsync(complaint, "assign", new JsonObject { ["agentId"] = shop + "-agent" });
        // Another shop's case, which no filter on this shop may show.
        await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund");
        return (shop, orderNo, [returnRefund, refundOnly, complaint]);
    }

    private async Task<List<string>> CaseNosAsync(string query)
    {
        var list = await Api.ListCasesAsync(query);
        Assert.True(list.StatusCode == 200, list.ToString());
        return [.. list.Json["items"]!.AsArray().Select(c => c!["caseNo"]!.GetValue<string>())];
    }

    [Fact]
    public async Task List_ByShop_ShowsOnlyThatShopNewestFirst()
    {
        var (shop, _, caseNos) = await ShopWithThreeCasesAsync();
        Assert.Equal(caseNos.Reverse(), await CaseNosAsync($"shopId={shop}"));
    }

    [Fact]
    public async Task List_ByStatusTypeAndAssignee_Filters()
    {
        var (shop, _, caseNos) = await ShopWithThreeCasesAsync();
        Assert.Equal([caseNos[1]], await CaseNosAsync($"shopId={shop}&status=refunding"));
        Assert.Equal([caseNos[0]], await CaseNosAsync($"shopId={shop}&status=requested"));
        Assert.Equal([caseNos[2]], await CaseNosAsync($"shopId={shop}&type=complaint"));
        Assert.Equal([caseNos[2]], await CaseNosAsync($"assignee={shop}-agent"));
        Assert.Empty(await CaseNosAsync($"shopId={shop}&status=closed"));
    }

    [Fact]
    public async Task List_ByQuery_FindsByCaseNumberOrOrderNumber()
    {
        var (_, orderNo, caseNos) = await ShopWithThreeCasesAsync();
        Assert.Equal([caseNos[1]], await CaseNosAsync($"q={caseNos[1]}"));
        Assert.Equal(caseNos.Reverse(), await CaseNosAsync($"q={orderNo}"));
        Assert.Empty(await CaseNosAsync("q=nothing-like-this"));
    }

    [Fact]
    public async Task List_PagedByCursor_ReturnsEveryCaseOnceInOrder()
    {
        var (shop, _, caseNos) = await ShopWithThreeCasesAsync();
        var first = await Api.ListCasesAsync($"shopId={shop}&limit=2");
        Assert.Equal(200, first.StatusCode);
        var cursor = first.Json["nextCursor"]!.GetValue<string>();
        var second = await Api.ListCasesAsync($"shopId={shop}&limit=2&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Null(second.Json["nextCursor"]);
        var pages = first.Json["items"]!.AsArray().Concat(second.Json["items"]!.AsArray()).Select(c => c!["caseNo"]!.GetValue<string>());
        Assert.Equal(caseNos.Reverse(), pages);
        Assert.Equal(2, first.Json["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_WhenEverythingFitsOnOnePage_HasNoNextCursor()
    {
        var (shop, _, _) = await ShopWithThreeCasesAsync();
        var page = await Api.ListCasesAsync($"shopId={shop}&limit=3");
        Assert.Equal(3, page.Json["items"]!.AsArray().Count);
        Assert.Null(page.Json["nextCursor"]);
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("type=gift", "type")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=YWJj", "cursor")]
    public async Task List_WithBadParameter_Is400NamingIt(string query, string field)
    {
        Problems.AssertFields(await Api.ListCasesAsync(query), "validation.failed", field);
    }

    [Fact]
    public async Task List_WithNonNumericLimit_Is400()
    {
        Problems.Assert(await Api.ListCasesAsync("limit=lots"), 400, "request.malformed");
    }
}

public sealed class CaseListTests_Sqlite(SqliteApp app) : CaseListTests(app), IClassFixture<SqliteApp>;

public sealed class CaseListTests_Postgres(PostgresApp app) : CaseListTests(app), IClassFixture<PostgresApp>;
