namespace AfterSales.IntegrationTests;

/// <summary>Opening cases with bad input: the right code, field errors where fields are wrong, and no case written.</summary>
public abstract class CaseValidationTests(AfterSalesApp app) : ApiTests(app)
{
    private async Task AssertNoCaseOnAsync(string orderNo, int expected = 0)
    {
        var list = await Api.ListCasesAsync($"q={orderNo}");
        Assert.Equal(200, list.StatusCode);
        Assert.Equal(expected, list.Json["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task OpenCase_OnALineNotInTheOrder_Is422AndWritesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var problem = Problems.Assert(await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund", lines: [(9, 1)])), 422, "case.line_not_in_order");
        Assert.Equal(9, problem["lineNo"]!.GetValue<int>());
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task OpenCase_ForMoreThanIsLeftAfterOtherCases_Is422WithWhatIsAvailable()
    {
        var orderNo = await Api.CreateOrderAsync();
        await Api.OpenCaseAsync(orderNo, "return_refund", lines: [(2, 1)]);
        var problem = Problems.Assert(await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "exchange", lines: [(2, 2)])), 422, "case.quantity_unavailable");
        Assert.Equal(1, problem["available"]!.GetValue<int>());
        await AssertNoCaseOnAsync(orderNo, expected: 1);

        // What is left can still be asked for, with its share of what was paid.
        var second = await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 1)]);
        Assert.Equal(45.00m, second["amounts"]!["requested"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task OpenCase_ForMoreThanWasBought_Is422()
    {
        var orderNo = await Api.CreateOrderAsync();
        Problems.Assert(await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund", lines: [(1, 2)])), 422, "case.quantity_unavailable");
        await AssertNoCaseOnAsync(orderNo);
    }

    [Theory]
    [InlineData("type", "teleport")]
    [InlineData("reason", "bored")]
    [InlineData("priority", "asap")]
    public async Task OpenCase_WithUnknownValue_Is400NamingTheField(string field, string value)
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "return_refund");
        body[field] = value;
        Problems.AssertFields(await Api.TryOpenCaseAsync(body), "case.invalid", field);
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task OpenCase_WithBadLines_NamesEachOne()
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "return_refund", lines: [(1, 0), (2, 1), (2, 1)]);
        Problems.AssertFields(await Api.TryOpenCaseAsync(body), "case.invalid", "lines[0].quantity", "lines[2].lineNo");
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task OpenCase_WithoutLinesForGoods_Is400()
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "return_refund");
        body["lines"] = new JsonArray();
        Problems.AssertFields(await Api.TryOpenCaseAsync(body), "case.invalid", "lines");
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task OpenCase_AskingMoreThanWasPaid_Is422()
    {
        var orderNo = await Api.CreateOrderAsync();
        var problem = Problems.Assert(await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "refund_only", requestedRefund: 3799.01m)), 422, "case.requested_refund_invalid");
        Assert.Equal(Samples.PhonePaid, problem["max"]!.GetValue<decimal>());
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task OpenCase_OnUnknownOrder_Is404()
    {
        Problems.Assert(await Api.TryOpenCaseAsync(Samples.CaseRequest("NO-SUCH-ORDER", "return_refund")), 404, "order.not_found");
    }

    [Theory]
    [InlineData("{\"orderNo\": ")]
    [InlineData("{\"orderNo\": \"x\", \"lines\": {\"lineNo\": 1}}")]
    [InlineData("{\"orderNo\": \"x\", \"requestedRefund\": \"lots\"}")]
    [InlineData("{\"orderNo\": \"x\", \"requestedRefund\": 1e40}")]
    public async Task OpenCase_WithMalformedJson_Is400Malformed(string json)
    {
        Problems.Assert(await Api.SendRawAsync(HttpMethod.Post, Api.Cases, json), 400, "request.malformed");
    }

    [Fact]
    public async Task OpenCase_AsPlainText_IsRefusedAsUnsupported()
    {
        var orderNo = await Api.CreateOrderAsync();
        var response = await Api.SendRawAsync(HttpMethod.Post, Api.Cases, Samples.CaseRequest(orderNo, "return_refund").ToJsonString(), "text/plain");
        Problems.Assert(response, 415, "request.unsupported_media_type");
        await AssertNoCaseOnAsync(orderNo);
    }

    [Fact]
    public async Task Action_WithMalformedJson_Is400AndChangesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var before = await Api.CaseAsync(caseNo);
        Problems.Assert(await Api.SendRawAsync(HttpMethod.Post, $"{Api.Cases}/{caseNo}/actions/refuse", "{\"reason\": "), 400, "request.malformed");
        Problems.Assert(await Api.SendRawAsync(HttpMethod.Post, $"{Api.Cases}/{caseNo}/actions/inspect", "{\"passed\": \"yes\"}"), 400, "request.malformed");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }
}

public sealed class CaseValidationTests_Sqlite(SqliteApp app) : CaseValidationTests(app), IClassFixture<SqliteApp>;

public sealed class CaseValidationTests_Postgres(PostgresApp app) : CaseValidationTests(app), IClassFixture<PostgresApp>;
