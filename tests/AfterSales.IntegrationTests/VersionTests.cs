namespace AfterSales.IntegrationTests;

/// <summary>Optimistic concurrency over HTTP: <c>ETag</c> on reads, <c>If-Match</c> on actions, 412 when stale.</summary>
public abstract class VersionTests(AfterSalesApp app) : ApiTests(app)
{
    [Fact]
    public async Task Get_ReturnsTheVersionAsETag()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var response = await Api.GetCaseAsync(caseNo);
        Assert.Equal($"\"{response.Json["version"]}\"", response.ETag);
    }

    [Fact]
    public async Task Action_WithStaleIfMatch_Is412AndChangesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var stale = (await Api.GetCaseAsync(caseNo)).ETag!;
        var agreed = await Api.ActAsync(caseNo, "agree", ifMatch: stale);
        Assert.Equal(200, agreed.StatusCode);
        Assert.NotEqual(stale, agreed.ETag);

        var before = await Api.CaseAsync(caseNo);
        var problem = Problems.Assert(await Api.ActAsync(caseNo, "cancel", ifMatch: stale), 412, "case.version_mismatch");
        Assert.Equal(before["version"]!.GetValue<int>(), problem["currentVersion"]!.GetValue<int>());
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
        Assert.DoesNotContain(await Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "cancelled");

        Assert.Equal(200, (await Api.ActAsync(caseNo, "cancel", ifMatch: agreed.ETag)).StatusCode);
    }

    [Fact]
    public async Task Action_AnswersTheCaseExactlyAsALaterReadShowsIt()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 2)]))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(caseNo, "agree");
        Assert.Equal(agreed.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }

    [Fact]
    public async Task Assign_WithAgentIdLongerThanStored_Is400AndChangesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "complaint", "other"))["caseNo"]!.GetValue<string>();
        var before = await Api.CaseAsync(caseNo);
        Problems.AssertFields(await Api.ActAsync(caseNo, "assign", new JsonObject { ["agentId"] = new string('a', 65) }), "validation.failed", "agentId");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }

    [Fact]
    public async Task Action_OnUnknownCase_Is404()
    {
        Problems.Assert(await Api.ActAsync("AS000000000000000", "agree"), 404, "case.not_found");
        Problems.Assert(await Api.GetCaseAsync("AS000000000000000"), 404, "case.not_found");
    }

    [Fact]
    public async Task UnknownAction_Is404AndChangesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
        var before = await Api.CaseAsync(caseNo);
        Problems.Assert(await Api.ActAsync(caseNo, "teleport"), 404, "not_found");
        Assert.Equal(before.ToJsonString(), (await Api.CaseAsync(caseNo)).ToJsonString());
    }
}

public sealed class VersionTests_Sqlite(SqliteApp app) : VersionTests(app), IClassFixture<SqliteApp>;

public sealed class VersionTests_Postgres(PostgresApp app) : VersionTests(app), IClassFixture<PostgresApp>;
