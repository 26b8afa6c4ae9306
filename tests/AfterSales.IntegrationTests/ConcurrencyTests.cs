using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>Money moves once: many simultaneous attempts on one case make exactly one refund row.</summary>
public abstract class ConcurrencyTests(AfterSalesApp app) : ApiTests(app)
{
    private const int Attempts = 50;

    private Task<int> RefundRowsAsync(string orderNo) =>
        App.QueryAsync(db => db.Refunds.CountAsync(r => r.OrderNo == orderNo, TestContext.Current.CancellationToken));

    private async Task AssertOneRefundAsync(string orderNo, string caseNo, decimal amount, int timelineRefundEvents = 1)
    {
        var c = await Api.CaseAsync(caseNo);
        Assert.Equal("refunding", c["status"]!.GetValue<string>());
        var refunds = c["refunds"]!.AsArray();
        Assert.Equal(amount, refunds[^1]!["amount"]!.GetValue<decimal>());
        Assert.Single(refunds, r => r!["status"]!.GetValue<string>() == "requested");
        Assert.Equal(refunds.Count, await RefundRowsAsync(orderNo));
        Assert.Equal(timelineRefundEvents, (await Api.TimelineAsync(caseNo)).Count(e => e["type"]!.GetValue<string>() == "refund_requested"));
    }

    [Fact]
    public async Task Agree_50ConcurrentOnRefundOnly_CreatesExactlyOneRefund()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only"))["caseNo"]!.GetValue<string>();
        var responses = await Burst.RunAsync(Attempts, _ => Api.ActAsync(caseNo, "agree"));
        Burst.AssertOneWinner(responses);
        await AssertOneRefundAsync(orderNo, caseNo, Samples.PhonePaid);
        Assert.Equal(1, await RefundRowsAsync(orderNo));
    }

    [Fact]
    public async Task Agree_50ConcurrentWithTheSameIfMatch_OneWinsTheOthersAreStale()
    {
        var orderNo = await Api.CreateOrderAsync();
        var opened = await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "refund_only", lines: [(2, 2)]));
        var caseNo = opened.Json["caseNo"]!.GetValue<string>();
        var responses = await Burst.RunAsync(Attempts, _ => Api.ActAsync(caseNo, "agree", ifMatch: opened.ETag));
        Burst.AssertOneWinner(responses);
        await AssertOneRefundAsync(orderNo, caseNo, Samples.CasesPaid);
    }

    [Fact]
    public async Task Refund_50ConcurrentPartialRefunds_CreatesExactlyOneRefund()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        await Api.DoAsync(caseNo, "agree");
        await Api.DoAsync(caseNo, "ship-return", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF1000000009" });
        await Api.DoAsync(caseNo, "confirm-receipt");

        var responses = await Burst.RunAsync(Attempts, _ => Api.ActAsync(caseNo, "refund", new JsonObject { ["amount"] = 1000.00m }));
        Burst.AssertOneWinner(responses);
        await AssertOneRefundAsync(orderNo, caseNo, 1000.00m);
    }

    [Fact]
    public async Task Refund_50ConcurrentRetriesAfterAFailure_CreateExactlyOneNewAttempt()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 2)]))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(caseNo, "agree");
        var firstRefund = agreed["refunds"]![0]!["refundId"]!.GetValue<string>();
        Assert.Equal(200, (await Api.RefundResultAsync(firstRefund, "failed", "PAY-F", "card closed")).StatusCode);

        var responses = await Burst.RunAsync(Attempts, _ => Api.ActAsync(caseNo, "refund", new JsonObject { ["amount"] = Samples.CasesPaid }));
        Burst.AssertOneWinner(responses);
        await AssertOneRefundAsync(orderNo, caseNo, Samples.CasesPaid, timelineRefundEvents: 2);
        Assert.Equal(2, await RefundRowsAsync(orderNo));
    }

    [Fact]
    public async Task OpenCase_ConcurrentOnDifferentOrders_AllSucceedWithDistinctNumbers()
    {
        var orders = new List<string>();
        for (var i = 0; i < 20; i++) orders.Add(await Api.CreateOrderAsync());
        var responses = await Burst.RunAsync(orders.Count, i => Api.TryOpenCaseAsync(Samples.CaseRequest(orders[i], "return_refund")));
        Assert.All(responses, r => Assert.True(r.StatusCode == 201, r.ToString()));
        var numbers = responses.Select(r => r.Json["caseNo"]!.GetValue<string>()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^AS[0-9]{15}$", n));
    }

    [Fact]
    public async Task OpenCase_50ConcurrentForTheSameLine_CoverItOnlyOnce()
    {
        var orderNo = await Api.CreateOrderAsync();
        var responses = await Burst.RunAsync(Attempts, _ => Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund")));
        Assert.Single(responses, r => r.StatusCode == 201);
        Assert.All(responses.Where(r => r.StatusCode != 201), r => Problems.Assert(r, 422, "case.quantity_unavailable"));
        var cases = await App.QueryAsync(db => db.Cases.CountAsync(c => c.OrderNo == orderNo && c.Type != CaseType.Complaint, TestContext.Current.CancellationToken));
        Assert.Equal(1, cases);
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyTests_Postgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
