using System.Globalization;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The audit log (issue 5, scope 4): refunds, policy, SLA policy and calendar changes each leave one entry, in commit
/// order, chained by hash; concurrent changes still chain; the log pages by position and filters by time; only the
/// platform reads it. Tampering is in <see cref="AuditTamperTests"/>, on a database of its own per test.
/// </summary>
public abstract class AuditTests(AfterSalesApp app) : ApiTests(app)
{
    public const string Route = "/api/v1/audit";

    public static async Task<List<JsonNode>> AllEntriesAsync(Api api, string query = "", int limit = 500)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"{Route}?limit={limit}{query}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await api.GetAsync(url);
            Assert.True(page.StatusCode == 200, page.ToString());
            items.AddRange(page.Json["items"]!.AsArray().Select(i => i!));
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    public static async Task<JsonNode> VerifyAsync(Api api)
    {
        var response = await api.PostAsync($"{Route}/verify", null);
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    public static void AssertChained(List<JsonNode> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1]["position"]!.GetValue<long>() + 1, entries[i]["position"]!.GetValue<long>());
            Assert.Equal(entries[i - 1]["hash"]!.GetValue<string>(), entries[i]["prevHash"]!.GetValue<string>());
        }
    }

    private static string Action(JsonNode e) => e["action"]!.GetValue<string>();

    private static string? Target(JsonNode e) => e["target"]?.GetValue<string>();

    [Fact]
    public async Task Changes_EachAppendOneEntry_InOrder_WithAValidChain()
    {
        var before = (await AllEntriesAsync(Api)).Count;
        var scope = "category:" + Samples.NewId("s");
        var slaId = Samples.NewId("sla").ToLowerInvariant();
        var calendarId = Samples.NewId("cal");
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/policies/{scope}", new JsonObject { ["returnWaybillDays"] = 9 })).StatusCode);
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/sla-policies/{slaId}", new JsonObject
        {
            ["name"] = "audit", ["calendarId"] = "24x7",
            ["targets"] = new JsonArray(new JsonObject { ["metric"] = "first_response", ["minutes"] = 60 }),
        })).StatusCode);
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/calendars/{calendarId}", new JsonObject
        {
            ["name"] = "审计 / audit", ["timeZone"] = "Asia/Shanghai",
            ["week"] = new JsonObject { ["mon"] = new JsonArray(new JsonArray("09:00", "18:00")) },
        })).StatusCode);
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 2)]))["caseNo"]!.GetValue<string>();
        var refundId = (await Api.DoAsync(caseNo, "agree"))["refunds"]![0]!["refundId"]!.GetValue<string>();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-AUDIT-1", "张三 138 0013 8000")).StatusCode);
        // A repeated result changes nothing, so it records nothing either.
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-AUDIT-1")).StatusCode);

        var all = await AllEntriesAsync(Api);
        var mine = all.Skip(before).ToList();
        Assert.Equal(
            [("policy.changed", scope), ("sla_policy.changed", slaId), ("calendar.changed", calendarId), ("refund.requested", caseNo), ("refund.result", caseNo)],
            mine.Select(e => (Action(e), Target(e))).ToList());
        AssertChained(all);
        Assert.Equal(1, all[0]["position"]!.GetValue<long>());
        Assert.Equal(new string('0', 64), all[0]["prevHash"]!.GetValue<string>());
        Assert.All(mine, e => Assert.Equal(("integration:bootstrap", "platform"), (e["actor"]!.GetValue<string>(), e["role"]!.GetValue<string>())));
        Assert.Equal(1, mine[0]["data"]!["version"]!.GetValue<int>());
        Assert.Equal(refundId, mine[3]["data"]!["refundId"]!.GetValue<string>());
        Assert.Equal("succeeded", mine[4]["data"]!["outcome"]!.GetValue<string>());
        Assert.Equal("PAY-AUDIT-1", mine[4]["data"]!["externalRef"]!.GetValue<string>());
        // The payment system's free text may name a person: it stays out of the log.
        Assert.DoesNotContain("张三", mine[4]["data"]!.ToJsonString(), StringComparison.Ordinal);

        var verified = await VerifyAsync(Api);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(all.Count, verified["checked"]!.GetValue<long>());
        Assert.Null(verified["firstBrokenAt"]);
    }

    [Fact]
    public async Task ConcurrentChanges_AreEachRecordedOnce_AndTheChainStillVerifies()
    {
        // 20 on scopes of their own, and 8 that also race for one scope's next version (and retry on losing it; more
        // than about ten on one scope can exhaust the policy PUT's own retries, which is that endpoint's limit, not the log's).
        const int onOne = 8;
        var scope = "category:" + Samples.NewId("s");
        var others = Enumerable.Range(0, 20).Select(_ => "category:" + Samples.NewId("s")).ToList();
        var answers = await Burst.RunAsync(onOne + others.Count, i => Api.PutAsync($"/api/v1/policies/{(i < onOne ? scope : others[i - onOne])}",
            new JsonObject { ["returnWaybillDays"] = 8 + (i % 5) }));
        Assert.All(answers, a => Assert.True(a.StatusCode == 200, a.ToString()));

        var all = await AllEntriesAsync(Api);
        AssertChained(all);
        var onScope = all.Where(e => Target(e) == scope).ToList();
        Assert.Equal(Enumerable.Range(1, onOne), onScope.Select(e => e["data"]!["version"]!.GetValue<int>()).Order());
        Assert.All(others, o => Assert.Single(all, e => Target(e) == o));
        var verified = await VerifyAsync(Api);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(all.Count, verified["checked"]!.GetValue<long>());
    }

    [Fact]
    public async Task List_PagesByPosition_AndFiltersByOccurredAt()
    {
        for (var i = 0; i < 7; i++)
            Assert.Equal(200, (await Api.PutAsync($"/api/v1/policies/category:{Samples.NewId("p")}", new JsonObject { ["appealDays"] = 7 + i })).StatusCode);
        var all = await AllEntriesAsync(Api);
        Assert.True(all.Count >= 7);

        var paged = await AllEntriesAsync(Api, limit: 3);
        Assert.Equal(all.Select(e => e["position"]!.GetValue<long>()), paged.Select(e => e["position"]!.GetValue<long>()));
        var first = await Api.GetAsync($"{Route}?limit=3");
        Assert.Equal(3, first.Json["items"]!.AsArray().Count);
        Assert.NotNull(first.Json["nextCursor"]);
        Assert.Equal(Math.Min(50, all.Count), (await Api.GetAsync(Route)).Json["items"]!.AsArray().Count); // the default limit

        // [from, to) over occurredAt, in position order, paged like the whole list.
        var times = all.Select(e => TestClockApi.Instant(e["occurredAt"])).ToList();
        var from = times[^6];
        var to = times[^2];
        var expected = all.Where((_, i) => times[i] >= from && times[i] < to).Select(e => e["position"]!.GetValue<long>()).ToList();
        Assert.NotEmpty(expected);
        var q = $"&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        var filtered = await AllEntriesAsync(Api, q, limit: 2);
        Assert.Equal(expected, filtered.Select(e => e["position"]!.GetValue<long>()));
        var later = await AllEntriesAsync(Api, $"&from={Uri.EscapeDataString(times[^1].AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}");
        Assert.Empty(later);
    }

    [Fact]
    public async Task List_WithBadQuery_Is400WithEveryFieldError()
    {
        Problems.AssertFields(await Api.GetAsync($"{Route}?limit=0&cursor=nope&from=2026-01-01T00:00:00&to=tomorrow"),
            "audit.invalid", "limit", "cursor", "from", "to");
        Problems.AssertFields(await Api.GetAsync($"{Route}?limit=501"), "audit.invalid", "limit");
    }

    [Fact]
    public async Task Audit_IsReadAndVerifiedByThePlatformOnly()
    {
        Problems.Assert(await App.As("agent-1").GetAsync(Route), 403, "auth.forbidden");
        Problems.Assert(await App.As("supervisor-1").PostAsync($"{Route}/verify", null), 403, "auth.forbidden");
        var anonymous = await App.CreateAnonymousClient().GetAsync(Route, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
