using AfterSales.Web.Hosting.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests;

/// <summary>API.md "Idempotency-Key": a retry returns the first answer; a reused key with another body is refused.</summary>
public abstract class IdempotencyTests(AfterSalesApp app) : ApiTests(app)
{
    private async Task<int> CasesOnAsync(string orderNo)
    {
        var list = await Api.ListCasesAsync($"q={orderNo}");
        Assert.Equal(200, list.StatusCode);
        return list.Json["items"]!.AsArray().Count;
    }

    [Fact]
    public async Task OpenCase_SameKeyAndBodyTwice_CreatesOneCaseAndAnswersTheSame()
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "return_refund");
        var key = Samples.NewId("key-");
        var first = await Api.TryOpenCaseAsync(body, key);
        var second = await Api.TryOpenCaseAsync(body, key);

        Assert.Equal(201, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Header("Location"), second.Header("Location"));
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal(1, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task OpenCase_SameKeyOtherBody_Is422KeyReusedAndWritesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var key = Samples.NewId("key-");
        Assert.Equal(201, (await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund"), key)).StatusCode);
        var other = Samples.CaseRequest(orderNo, "refund_only", lines: [(2, 1)]);
        Problems.Assert(await Api.TryOpenCaseAsync(other, key), 422, "idempotency.key_reused");
        Assert.Equal(1, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task OpenCase_SameKeyConcurrently_CreatesOneCaseAndEveryRetryGetsItsAnswer()
    {
        var orderNo = await Api.CreateOrderAsync();
        var body = Samples.CaseRequest(orderNo, "return_refund");
        var key = Samples.NewId("key-");
        var responses = await Burst.RunAsync(20, _ => Api.TryOpenCaseAsync(body, key));

        // The claim commits with the case and its answer: a concurrent retry waits for that commit (PostgreSQL's
        // unique index, SQLite's write lock) and then answers from it; none acts twice, none is told to come back.
        Assert.All(responses, r => Assert.Equal(201, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(responses[0].Body, r.Body));
        Assert.Equal(19, responses.Count(r => r.Header("Idempotent-Replayed") == "true"));
        Assert.Equal(1, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task ClaimLeftWithoutAnswer_ByAProcessThatDied_IsReleasedWhenTheServiceStarts()
    {
        // Whose claims are whose: the caller's scope as the service stores it.
        var orderNo = await Api.CreateOrderAsync();
        var firstKey = Samples.NewId("key-");
        Assert.Equal(201, (await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "refund_only", lines: [(2, 1)]), firstKey)).StatusCode);
        var scope = await App.QueryAsync(db => db.IdempotencyRecords.Where(r => r.Key == firstKey).Select(r => r.Scope).SingleAsync());
        // A claim committed without its answer, as the earlier design left one when its process died mid-request.
        var key = Samples.NewId("key-");
        await App.QueryAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = "0", CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        await using var restarted = App.StartNode(new Dictionary<string, string?>());
        var retry = await restarted.Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund", lines: [(1, 1)]), key);

        Assert.Equal(201, retry.StatusCode);
        Assert.Equal(2, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task RefusedMidUseCase_WithKey_KeepsNothingAndTheRetryRunsAgain()
    {
        // The quantity check fails inside the use case's transaction, after the claim was written in the request's.
        var orderNo = await Api.CreateOrderAsync();
        var key = Samples.NewId("key-");
        var tooMany = Samples.CaseRequest(orderNo, "return_refund", lines: [(1, 99)]);
        Problems.Assert(await Api.TryOpenCaseAsync(tooMany, key), 422, "case.quantity_unavailable");
        Assert.Equal(0, await App.QueryAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));

        Problems.Assert(await Api.TryOpenCaseAsync(tooMany, key), 422, "case.quantity_unavailable");
        Assert.Equal(0, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task Action_SameKeyRetried_IsAppliedOnce()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only"))["caseNo"]!.GetValue<string>();
        var key = Samples.NewId("key-");
        var first = await Api.ActAsync(caseNo, "agree", idempotencyKey: key);
        var retry = await Api.ActAsync(caseNo, "agree", idempotencyKey: key);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, retry.StatusCode);
        Assert.Equal(first.Body, retry.Body);
        var c = await Api.CaseAsync(caseNo);
        Assert.Single(c["refunds"]!.AsArray());
        Assert.Single(await Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
    }

    [Fact]
    public async Task Retry_OfARequestTheFrameworkRefused_AnswersTheSameProblem()
    {
        var orderNo = await Api.CreateOrderAsync();
        var key = Samples.NewId("key-");
        HttpRequestMessage PlainText()
        {
            var request = Api.Json(HttpMethod.Post, Api.Cases, Samples.CaseRequest(orderNo, "return_refund"), key, null);
            request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            return request;
        }
        var first = await Api.SendAsync(PlainText());
        var retry = await Api.SendAsync(PlainText());
        Problems.Assert(first, 415, "request.unsupported_media_type");
        Problems.Assert(retry, 415, "request.unsupported_media_type");
        Assert.Equal(0, await CasesOnAsync(orderNo));
    }

    [Fact]
    public async Task IdempotencyKey_LongerThan200Characters_Is400AndWritesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var response = await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund"), new string('k', 201));
        Problems.Assert(response, 400, "idempotency.key_invalid");
        Assert.Equal(0, await CasesOnAsync(orderNo));
    }
}

public sealed class IdempotencyTests_Sqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTests_Postgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
