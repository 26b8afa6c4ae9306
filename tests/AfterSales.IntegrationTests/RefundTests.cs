namespace AfterSales.IntegrationTests;

/// <summary>Refund amounts and the payment system's callback: counted once, contradictions refused, failures retried.</summary>
public abstract class RefundTests(AfterSalesApp app) : ApiTests(app)
{
    /// <summary>A refund_only case on the two phone cases, agreed: one refund of 90.00 is live.</summary>
    private async Task<(string CaseNo, string RefundId)> AgreedRefundOnlyAsync()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 2)]))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(caseNo, "agree");
        return (caseNo, agreed["refunds"]![0]!["refundId"]!.GetValue<string>());
    }

    private async Task<string> ReceivedReturnAsync()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        await Api.DoAsync(caseNo, "agree");
        await Api.DoAsync(caseNo, "ship-return", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF1000000009" });
        await Api.DoAsync(caseNo, "confirm-receipt");
        return caseNo;
    }

    private async Task AssertRefundedOnceAsync(string caseNo, decimal amount)
    {
        var c = await Api.CaseAsync(caseNo);
        Assert.Equal("refunded", c["status"]!.GetValue<string>());
        Assert.Equal(amount, c["amounts"]!["refunded"]!.GetValue<decimal>());
        Assert.Single(await Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "refund_succeeded");
    }

    [Fact]
    public async Task RefundResult_RepeatedSequentially_IsCountedOnce()
    {
        var (caseNo, refundId) = await AgreedRefundOnlyAsync();
        var answers = new List<ApiResponse>();
        for (var i = 0; i < 3; i++) answers.Add(await Api.RefundResultAsync(refundId, "succeeded", "PAY-100"));
        Assert.All(answers, a => Assert.Equal(200, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        var versionAfterFirst = (await Api.CaseAsync(caseNo))["version"]!.GetValue<int>();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-100")).StatusCode);
        Assert.Equal(versionAfterFirst, (await Api.CaseAsync(caseNo))["version"]!.GetValue<int>());
        await AssertRefundedOnceAsync(caseNo, Samples.CasesPaid);
    }

    [Fact]
    public async Task RefundResult_RepeatedConcurrently_IsCountedOnce()
    {
        var (caseNo, refundId) = await AgreedRefundOnlyAsync();
        var answers = await Burst.RunAsync(20, _ => Api.RefundResultAsync(refundId, "succeeded", "PAY-200"));
        Assert.All(answers, a => Assert.True(a.StatusCode == 200, a.ToString()));
        Assert.All(answers, a => Assert.Equal("succeeded", a.Json["status"]!.GetValue<string>()));
        await AssertRefundedOnceAsync(caseNo, Samples.CasesPaid);
    }

    [Theory]
    [InlineData("failed", "PAY-300")]
    [InlineData("succeeded", "PAY-OTHER")]
    public async Task RefundResult_ContradictingTheFirst_Is409AndChangesNothing(string outcome, string externalRef)
    {
        var (caseNo, refundId) = await AgreedRefundOnlyAsync();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-300")).StatusCode);
        var before = await Api.CaseAsync(caseNo);
        Problems.Assert(await Api.RefundResultAsync(refundId, outcome, externalRef), 409, "refund.result_conflict");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
        await AssertRefundedOnceAsync(caseNo, Samples.CasesPaid);
    }

    [Fact]
    public async Task RefundFailed_RetriedWithTheSameAmount_IsPaidOnce()
    {
        var (caseNo, refundId) = await AgreedRefundOnlyAsync();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "failed", "PAY-400", "account frozen")).StatusCode);
        var failed = await Api.CaseAsync(caseNo);
        Assert.Equal("refunding", failed["status"]!.GetValue<string>());
        Assert.Equal("failed", failed["refunds"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(0m, failed["amounts"]!["refunded"]!.GetValue<decimal>());
        Assert.Contains("refund", (await Api.ActionsAsync(caseNo)).Select(a => a["action"]!.GetValue<string>()));

        // Never two amounts for one refund: a retry must ask for what failed.
        var mismatch = Problems.Assert(await Api.ActAsync(caseNo, "refund", new JsonObject { ["amount"] = 50.00m }), 422, "refund.retry_amount_mismatch");
        Assert.Equal(Samples.CasesPaid, mismatch["expected"]!.GetValue<decimal>());

        var retried = await Api.DoAsync(caseNo, "refund", new JsonObject { ["amount"] = Samples.CasesPaid });
        var refunds = retried["refunds"]!.AsArray();
        Assert.Equal(2, refunds.Count);
        Assert.Equal(2, refunds[1]!["attempt"]!.GetValue<int>());
        Assert.Equal("requested", refunds[1]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("refund", (await Api.ActionsAsync(caseNo)).Select(a => a["action"]!.GetValue<string>()));

        Assert.Equal(200, (await Api.RefundResultAsync(refunds[1]!["refundId"]!.GetValue<string>(), "succeeded", "PAY-401")).StatusCode);
        await AssertRefundedOnceAsync(caseNo, Samples.CasesPaid);
        Assert.Equal(Samples.CasesPaid, (await Api.CaseAsync(caseNo))["amounts"]!["approved"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Refund_WhenExceedingPaidAmount_IsRefused()
    {
        var caseNo = await ReceivedReturnAsync();
        var before = await Api.CaseAsync(caseNo);
        var problem = Problems.Assert(await Api.ActAsync(caseNo, "refund", new JsonObject { ["amount"] = Samples.PhonePaid + 0.01m }), 422, "refund.exceeds_paid");
        Assert.Equal(Samples.PhonePaid, problem["max"]!.GetValue<decimal>());
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.001")]
    public async Task Refund_WithAmountNotPositiveOrBelowAFen_Is400AndChangesNothing(string amount)
    {
        var caseNo = await ReceivedReturnAsync();
        var before = await Api.CaseAsync(caseNo);
        var response = await Api.SendRawAsync(HttpMethod.Post, $"{Api.Cases}/{caseNo}/actions/refund", $"{{\"amount\":{amount}}}");
        Problems.AssertFields(response, "validation.failed", "amount");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }

    [Fact]
    public async Task Refund_PartialInsteadOfInspection_RefundsThatAmount()
    {
        var caseNo = await ReceivedReturnAsync();
        var refunding = await Api.DoAsync(caseNo, "refund", new JsonObject { ["amount"] = 1200.50m });
        Assert.Equal("refunding", refunding["status"]!.GetValue<string>());
        Assert.Equal(1200.50m, refunding["amounts"]!["approved"]!.GetValue<decimal>());
        var refundId = refunding["refunds"]![0]!["refundId"]!.GetValue<string>();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-500")).StatusCode);
        await AssertRefundedOnceAsync(caseNo, 1200.50m);
    }

    [Fact]
    public async Task RefundResult_ForUnknownRefund_Is404()
    {
        Problems.Assert(await Api.RefundResultAsync(Guid.NewGuid().ToString(), "succeeded", "PAY-X"), 404, "refund.not_found");
    }

    [Fact]
    public async Task RefundResult_WithUnknownOutcomeAndNoReference_Is400AndChangesNothing()
    {
        var (caseNo, refundId) = await AgreedRefundOnlyAsync();
        var before = await Api.CaseAsync(caseNo);
        var response = await Api.PostAsync($"/api/v1/refunds/{refundId}/result", new JsonObject { ["outcome"] = "maybe" });
        Problems.AssertFields(response, "validation.failed", "outcome", "externalRef");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }
}

public sealed class RefundTests_Sqlite(SqliteApp app) : RefundTests(app), IClassFixture<SqliteApp>;

public sealed class RefundTests_Postgres(PostgresApp app) : RefundTests(app), IClassFixture<PostgresApp>;
