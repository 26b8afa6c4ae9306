namespace AfterSales.IntegrationTests;

/// <summary>Every case type from request to its end (DOMAIN.md §3), with the timeline and the actions on offer at each step.</summary>
public abstract class CaseLifecycleTests(AfterSalesApp app) : ApiTests(app)
{
    private static readonly JsonObject Waybill = new() { ["carrier"] = "SF", ["waybill"] = "SF2000000001" };

    [Fact]
    public async Task RefundOnly_AgreedAndPaid_IsRefundedThenClosed()
    {
        var orderNo = await Api.CreateOrderAsync();
        var opened = await Api.OpenCaseAsync(orderNo, "refund_only", "not_received", lines: [(2, 2)]);
        Assert.Equal("requested", opened["status"]!.GetValue<string>());
        Assert.Equal(Samples.CasesPaid, opened["amounts"]!["requested"]!.GetValue<decimal>());
        var walk = new CaseWalk(Api, opened["caseNo"]!.GetValue<string>());

        await walk.ExpectOffersAsync("agree", "refuse", "refund", "cancel", "assign", "wait-on-consumer");
        var agreed = await walk.StepAsync("agree", null, "refunding");
        Assert.Equal(Samples.CasesPaid, agreed["amounts"]!["approved"]!.GetValue<decimal>());
        var refund = Assert.Single(agreed["refunds"]!.AsArray())!;
        Assert.Equal("requested", refund["status"]!.GetValue<string>());
        Assert.Equal(Samples.CasesPaid, refund["amount"]!.GetValue<decimal>());

        await walk.ExpectOffersAsync("assign");
        var result = await Api.RefundResultAsync(refund["refundId"]!.GetValue<string>(), "succeeded", "PAY-1");
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("succeeded", result.Json["status"]!.GetValue<string>());
        var refunded = await Api.CaseAsync(walk.CaseNo);
        Assert.Equal("refunded", refunded["status"]!.GetValue<string>());
        Assert.Equal(Samples.CasesPaid, refunded["amounts"]!["refunded"]!.GetValue<decimal>());

        await walk.ExpectOffersAsync("close", "assign");
        await walk.StepAsync("close", null, "closed");
        await walk.ExpectOffersAsync();
        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "refunding"),
            ("refund_requested", null, null),
            ("refund_succeeded", "refunding", "refunded"),
            ("closed", "refunded", "closed"));
    }

    [Fact]
    public async Task ReturnRefund_ReturnedInspectedAndPaid_IsRefundedThenClosed()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>());

        await walk.ExpectOffersAsync("agree", "refuse", "cancel", "assign", "wait-on-consumer");
        var agreed = await walk.StepAsync("agree", null, "awaiting_return");
        Assert.Equal(Samples.PhonePaid, agreed["amounts"]!["approved"]!.GetValue<decimal>());
        Assert.Empty(agreed["refunds"]!.AsArray());

        await walk.ExpectOffersAsync("ship-return", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("ship-return", Waybill.DeepClone(), "return_in_transit");
        await walk.ExpectOffersAsync("confirm-receipt", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("confirm-receipt", null, "return_received");
        await walk.ExpectOffersAsync("inspect", "refund", "cancel", "assign", "wait-on-consumer");
        var inspected = await walk.StepAsync("inspect", new JsonObject { ["passed"] = true, ["notes"] = "intact" }, "refunding");
        var refund = Assert.Single(inspected["refunds"]!.AsArray())!;
        Assert.Equal(Samples.PhonePaid, refund["amount"]!.GetValue<decimal>());

        await walk.ExpectOffersAsync("assign");
        Assert.Equal(200, (await Api.RefundResultAsync(refund["refundId"]!.GetValue<string>(), "succeeded", "PAY-2")).StatusCode);
        Assert.Equal("refunded", (await Api.CaseAsync(walk.CaseNo))["status"]!.GetValue<string>());
        await walk.ExpectOffersAsync("close", "assign");
        await walk.StepAsync("close", null, "closed");
        await walk.ExpectOffersAsync();

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "awaiting_return"),
            ("return_shipped", "awaiting_return", "return_in_transit"),
            ("return_received", "return_in_transit", "return_received"),
            ("inspection_passed", "return_received", "refunding"),
            ("refund_requested", null, null),
            ("refund_succeeded", "refunding", "refunded"),
            ("closed", "refunded", "closed"));
        var shipped = (await Api.TimelineAsync(walk.CaseNo)).Single(e => e["type"]!.GetValue<string>() == "return_shipped");
        Assert.Equal("SF2000000001", shipped["data"]!["waybill"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReturnRefund_FailedInspection_GoesToPlatformWhichRulesAPartialRefund()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>());
        await walk.StepAsync("agree", null, "awaiting_return");
        await walk.StepAsync("ship-return", Waybill.DeepClone(), "return_in_transit");
        await walk.StepAsync("confirm-receipt", null, "return_received");
        var failed = await walk.StepAsync("inspect", new JsonObject { ["passed"] = false, ["notes"] = "screen scratched" }, "platform_review");
        Assert.Empty(failed["refunds"]!.AsArray());

        await walk.ExpectOffersAsync("rule", "cancel", "assign", "wait-on-consumer");
        var ruled = await walk.StepAsync("rule", new JsonObject { ["outcome"] = "consumer", ["notes"] = "partial", ["amount"] = 1500.00m }, "refunding");
        Assert.Equal(1500.00m, ruled["amounts"]!["approved"]!.GetValue<decimal>());
        var refund = Assert.Single(ruled["refunds"]!.AsArray())!;
        Assert.Equal(1500.00m, refund["amount"]!.GetValue<decimal>());

        Assert.Equal(200, (await Api.RefundResultAsync(refund["refundId"]!.GetValue<string>(), "succeeded", "PAY-3")).StatusCode);
        var refunded = await Api.CaseAsync(walk.CaseNo);
        Assert.Equal("refunded", refunded["status"]!.GetValue<string>());
        Assert.Equal(1500.00m, refunded["amounts"]!["refunded"]!.GetValue<decimal>());
        await walk.StepAsync("close", null, "closed");

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "awaiting_return"),
            ("return_shipped", "awaiting_return", "return_in_transit"),
            ("return_received", "return_in_transit", "return_received"),
            ("inspection_failed", "return_received", "platform_review"),
            ("ruled", "platform_review", "refunding"),
            ("refund_requested", null, null),
            ("refund_succeeded", "refunding", "refunded"),
            ("closed", "refunded", "closed"));
    }

    [Fact]
    public async Task Refused_AppealRuledForMerchant_IsClosedWithoutRefund()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>());
        await walk.StepAsync("refuse", new JsonObject { ["reason"] = "used goods" }, "refused");
        await walk.ExpectOffersAsync("appeal", "cancel", "close", "assign", "wait-on-consumer");
        await walk.StepAsync("appeal", new JsonObject { ["reason"] = "it was new" }, "platform_review");
        await walk.ExpectOffersAsync("rule", "cancel", "assign", "wait-on-consumer");
        var closed = await walk.StepAsync("rule", new JsonObject { ["outcome"] = "merchant", ["notes"] = "photos show wear" }, "closed");
        Assert.Empty(closed["refunds"]!.AsArray());
        Assert.Equal(0m, closed["amounts"]!["refunded"]!.GetValue<decimal>());
        await walk.ExpectOffersAsync();

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("refused", "requested", "refused"),
            ("appealed", "refused", "platform_review"),
            ("ruled", "platform_review", "closed"));
        var refused = (await Api.TimelineAsync(walk.CaseNo))[1];
        Assert.Equal("used goods", refused["data"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refuse_WithoutReason_IsRefusedAndChangesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var before = await Api.CaseAsync(caseNo);
        Problems.AssertFields(await Api.ActAsync(caseNo, "refuse", new JsonObject()), "validation.failed", "reason");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
        Assert.Single(await Api.TimelineAsync(caseNo));
    }

    [Fact]
    public async Task Exchange_ReplacementShippedAndConfirmed_IsClosed()
    {
        var orderNo = await Api.CreateOrderAsync();
        var opened = await Api.OpenCaseAsync(orderNo, "exchange", "wrong_item", lines: [(2, 1)]);
        Assert.Equal(0m, opened["amounts"]!["requested"]!.GetValue<decimal>());
        var walk = new CaseWalk(Api, opened["caseNo"]!.GetValue<string>());
        await walk.ExpectOffersAsync("agree", "refuse", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("agree", null, "awaiting_return");
        await walk.StepAsync("ship-return", Waybill.DeepClone(), "return_in_transit");
        await walk.StepAsync("confirm-receipt", null, "return_received");
        await walk.ExpectOffersAsync("inspect", "ship-replacement", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("inspect", new JsonObject { ["passed"] = true, ["notes"] = "as returned" }, "return_received");
        await walk.StepAsync("ship-replacement", new JsonObject { ["carrier"] = "YTO", ["waybill"] = "YT300000001" }, "replacement_shipped");
        await walk.ExpectOffersAsync("confirm-replacement", "assign", "wait-on-consumer");
        var closed = await walk.StepAsync("confirm-replacement", null, "closed");
        Assert.Empty(closed["refunds"]!.AsArray());
        await walk.ExpectOffersAsync();

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "awaiting_return"),
            ("return_shipped", "awaiting_return", "return_in_transit"),
            ("return_received", "return_in_transit", "return_received"),
            ("inspection_passed", null, null),
            ("replacement_shipped", "return_received", "replacement_shipped"),
            ("replacement_confirmed", "replacement_shipped", "closed"));
    }

    [Fact]
    public async Task Repair_DiagnosedRepairedAndShippedBack_IsClosed()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "repair"))["caseNo"]!.GetValue<string>());
        await walk.StepAsync("agree", null, "awaiting_return");
        await walk.StepAsync("ship-return", Waybill.DeepClone(), "return_in_transit");
        await walk.StepAsync("confirm-receipt", null, "return_received");
        await walk.ExpectOffersAsync("diagnose", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("diagnose", new JsonObject { ["outcome"] = "repair", ["notes"] = "replace screen" }, "repairing");
        await walk.ExpectOffersAsync("ship-replacement", "assign", "wait-on-consumer");
        await walk.StepAsync("ship-replacement", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF-BACK" }, "replacement_shipped");
        await walk.ExpectOffersAsync("confirm-replacement", "assign", "wait-on-consumer");
        await walk.StepAsync("confirm-replacement", null, "closed");

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "awaiting_return"),
            ("return_shipped", "awaiting_return", "return_in_transit"),
            ("return_received", "return_in_transit", "return_received"),
            ("diagnosed", "return_received", "repairing"),
            ("replacement_shipped", "repairing", "replacement_shipped"),
            ("replacement_confirmed", "replacement_shipped", "closed"));
    }

    [Fact]
    public async Task Complaint_AssignedRespondedResolved_IsClosed()
    {
        var orderNo = await Api.CreateOrderAsync();
        var opened = await Api.OpenCaseAsync(orderNo, "complaint", "other");
        Assert.Equal("opened", opened["status"]!.GetValue<string>());
        var walk = new CaseWalk(Api, opened["caseNo"]!.GetValue<string>());
        // DOMAIN.md §3: opened → assigned → responded; nobody responds before the complaint is assigned.
        await walk.ExpectOffersAsync("cancel", "assign", "wait-on-consumer");
        var assigned = await walk.StepAsync("assign", new JsonObject { ["agentId"] = "agent-7" }, "assigned");
        Assert.Equal("agent-7", assigned["assignee"]!.GetValue<string>());
        await walk.ExpectOffersAsync("respond", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("respond", new JsonObject { ["notes"] = "we are looking into it" }, "responded");
        await walk.ExpectOffersAsync("resolve", "cancel", "assign", "wait-on-consumer");
        await walk.StepAsync("resolve", new JsonObject { ["notes"] = "courier retrained" }, "resolved");
        await walk.ExpectOffersAsync("close", "assign");
        await walk.StepAsync("close", null, "closed");
        await walk.ExpectOffersAsync();

        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("assigned", "opened", "assigned"),
            ("responded", "assigned", "responded"),
            ("resolved", "responded", "resolved"),
            ("closed", "resolved", "closed"));
    }

    [Fact]
    public async Task Complaint_WithoutLines_IsOpened()
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "complaint", "other");
        body["lines"] = new JsonArray();
        var response = await Api.TryOpenCaseAsync(body);
        Assert.True(response.StatusCode == 201, response.ToString());
        Assert.Equal("opened", response.Json["status"]!.GetValue<string>());
        Assert.Empty(response.Json["lines"]!.AsArray());
    }

    [Fact]
    public async Task Cancel_AfterAgreement_EndsTheCaseAndFreesItsLines()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>());
        await walk.StepAsync("agree", null, "awaiting_return");
        await walk.StepAsync("cancel", null, "cancelled");
        await walk.ExpectOffersAsync();
        await walk.ExpectTimelineAsync(
            ("created", null, null),
            ("agreed", "requested", "awaiting_return"),
            ("cancelled", "awaiting_return", "cancelled"));
        // The cancelled case no longer covers the phone: a new request for it is possible.
        await Api.OpenCaseAsync(orderNo, "repair");
    }

    [Fact]
    public async Task WaitOnConsumer_ThenResume_TogglesWithoutChangingStatus()
    {
        var orderNo = await Api.CreateOrderAsync();
        var walk = new CaseWalk(Api, (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>());
        var waiting = await walk.StepAsync("wait-on-consumer", new JsonObject { ["reason"] = "photos needed" }, "requested");
        Assert.True(waiting["waitingOnConsumer"]!.GetValue<bool>());
        await walk.ExpectOffersAsync("agree", "refuse", "cancel", "assign", "resume");
        var resumed = await walk.StepAsync("resume", null, "requested");
        Assert.False(resumed["waitingOnConsumer"]!.GetValue<bool>());
    }
}

public sealed class CaseLifecycleTests_Sqlite(SqliteApp app) : CaseLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class CaseLifecycleTests_Postgres(PostgresApp app) : CaseLifecycleTests(app), IClassFixture<PostgresApp>;
