using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>The policy, clock and case helpers the SLA tests share.</summary>
public abstract class SlaTestBase(AfterSalesApp app) : FreshAppTests(app)
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);

    /// <summary>Monday 2026-11-23 09:00 in Shanghai: a plain working day.</summary>
    public static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 9, 0, 0, Cn);

    protected static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Cn);

    protected static JsonObject Policy(int firstResponse = 60) => new()
    {
        ["name"] = "测试服务标准 / test standard",
        ["calendarId"] = "cn",
        ["warningShare"] = 0.5,
        ["targets"] = new JsonArray(
            new JsonObject { ["metric"] = "first_response", ["minutes"] = firstResponse },
            new JsonObject { ["metric"] = "first_response", ["priority"] = "urgent", ["minutes"] = 20 },
            new JsonObject { ["metric"] = "merchant_response", ["minutes"] = 120 },
            new JsonObject { ["metric"] = "next_response", ["minutes"] = 30 },
            new JsonObject { ["metric"] = "resolution", ["minutes"] = 480 }),
        ["escalations"] = new JsonArray(
            new JsonObject { ["on"] = "warning", ["action"] = "notify", ["notify"] = "supervisor" },
            new JsonObject { ["on"] = "breached", ["metric"] = "first_response", ["action"] = "raise_priority" },
            new JsonObject { ["on"] = "breached", ["metric"] = "first_response", ["action"] = "reassign", ["agentId"] = "supervisor-9" }),
    };

    protected async Task<JsonNode> PutPolicyAsync(JsonObject body, string id = "default")
    {
        // The escalation names a person: the agent directory must know them.
        var agent = await Api.PutAsync("/api/v1/agents/supervisor-9", new JsonObject
        {
            ["name"] = "值班主管 / supervisor on duty", ["skills"] = new JsonArray(), ["capacity"] = 10, ["available"] = false,
        });
        Assert.True(agent.StatusCode is 200 or 201, agent.ToString());
        var response = await Api.PutAsync($"/api/v1/sla-policies/{id}", body);
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    protected async Task<string> OpenAsync(string type = "return_refund", string? priority = null)
    {
        var orderNo = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        var body = Samples.CaseRequest(orderNo, type, type == "complaint" ? "other" : "quality_issue");
        if (priority is not null) body["priority"] = priority;
        var response = await Api.TryOpenCaseAsync(body);
        Assert.True(response.StatusCode == 201, response.ToString());
        return response.Json["caseNo"]!.GetValue<string>();
    }

    protected static JsonNode Clock(JsonNode c, string metric) =>
        c["sla"]!.AsArray().Last(k => k!["metric"]!.GetValue<string>() == metric)!;

    protected static DateTimeOffset? At(JsonNode clock, string field) =>
        clock[field] is { } v ? TestClockApi.Instant(v) : null;

    protected static string State(JsonNode clock) => clock["state"]!.GetValue<string>();

    protected async Task<List<string>> EventTypesAsync(string caseNo) =>
        [.. (await Api.TimelineAsync(caseNo)).Select(e => e!["type"]!.GetValue<string>())];

    protected Task<List<string>> OutboxAsync(string caseNo) =>
        App.QueryAsync(db => db.Outbox.Where(m => m.AggregateId == caseNo).OrderBy(m => m.OccurredAt).Select(m => m.Type).ToListAsync());
}

/// <summary>
/// SLA clocks over HTTP with the test clock (issue 4, scope 2): targets count business time on the CN calendar
/// (09:00–12:00, 13:00–18:00, statutory holidays and make-up workdays); a warning at the policy's share and a
/// breach at 100 % are timeline and outbox events fired through the durable timers; escalations notify, raise the
/// priority and reassign; waiting on the consumer pauses the clocks and every pause is kept; a policy or calendar
/// change recomputes open cases. Each test saves its own policy, so its numbers are written here.
/// </summary>
public abstract class SlaTests(AfterSalesApp app) : SlaTestBase(app)
{
    [Fact]
    public async Task Clocks_CountBusinessTime_OnTheCnCalendar()
    {
        await PutPolicyAsync(Policy());
        var c = await Api.CaseAsync(await OpenAsync());
        Assert.Equal(Local(11, 23, 10), At(Clock(c, "first_response"), "dueAt"));
        Assert.Equal(Local(11, 23, 9, 30), At(Clock(c, "first_response"), "warnAt"));
        Assert.Equal(Local(11, 23, 11), At(Clock(c, "merchant_response"), "dueAt"));
        // 480 business minutes: 09–12 and 13–18 is a whole working day, the lunch hour does not count.
        Assert.Equal(Local(11, 23, 18), At(Clock(c, "resolution"), "dueAt"));
        Assert.Equal(Local(11, 23, 14), At(Clock(c, "resolution"), "warnAt"));
        Assert.All(c["sla"]!.AsArray(), k => Assert.Equal("running", State(k!)));
        Assert.Equal("cn", Clock(c, "resolution")["calendarId"]!.GetValue<string>());
        Assert.Equal(480, Clock(c, "resolution")["targetMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Warning_ThenBreach_FireAtTheirInstants_WithEscalations()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync();

        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromMinutes(29)));
        Assert.Equal(1, await Api.AdvanceAsync(TimeSpan.FromMinutes(1))); // 09:30: first_response warns
        var warned = await Api.CaseAsync(caseNo);
        Assert.Equal(Local(11, 23, 9, 30), At(Clock(warned, "first_response"), "warnedAt"));
        Assert.Equal("running", State(Clock(warned, "first_response")));
        var events = await EventTypesAsync(caseNo);
        Assert.Contains("sla_warning", events);
        Assert.Contains("sla_escalated", events);

        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromMinutes(29)));
        // 10:00: first_response breaches, merchant_response warns.
        Assert.Equal(2, await Api.AdvanceAsync(TimeSpan.FromMinutes(1)));
        var breached = await Api.CaseAsync(caseNo);
        var first = Clock(breached, "first_response");
        Assert.Equal("breached", State(first));
        Assert.Equal(Local(11, 23, 10), At(first, "breachedAt"));
        Assert.Equal("high", breached["priority"]!.GetValue<string>());
        Assert.Equal("supervisor-9", breached["assignee"]!.GetValue<string>());
        Assert.NotNull(At(Clock(breached, "merchant_response"), "warnedAt"));

        var timeline = await Api.TimelineAsync(caseNo);
        var breach = Assert.Single(timeline, e => e!["type"]!.GetValue<string>() == "sla_breached")!;
        Assert.Equal("system", breach["actor"]!.GetValue<string>());
        Assert.Equal("first_response", breach["data"]!["metric"]!.GetValue<string>());
        Assert.Contains(timeline, e => e!["type"]!.GetValue<string>() == "priority_raised");

        var outbox = await OutboxAsync(caseNo);
        Assert.Equal(2, outbox.Count(t => t == "sla.warning"));
        Assert.Equal(1, outbox.Count(t => t == "sla.breached"));
        Assert.Contains("sla.escalated", outbox);

        var list = await Api.ListCasesAsync("breached=true");
        Assert.Contains(list.Json["items"]!.AsArray(), i => i!["caseNo"]!.GetValue<string>() == caseNo);

        // The merchant answers at 10:30, before merchant_response's 11:00: met, and nothing fires for it any more.
        await Api.AdvanceAsync(TimeSpan.FromMinutes(30));
        var agreed = await Api.DoAsync(caseNo, "agree");
        Assert.Equal("met", State(Clock(agreed, "merchant_response")));
        Assert.Equal("breached", State(Clock(agreed, "first_response")));
        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromMinutes(60)));
        Assert.Equal(1, (await OutboxAsync(caseNo)).Count(t => t == "sla.breached"));
    }

    [Fact]
    public async Task AWarningAndItsBreach_DueInOnePass_AreToldOnceEach_WarningFirst()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync();
        await Api.AdvanceAsync(TimeSpan.FromMinutes(60)); // 09:30 and 10:00 both pass in one advance
        var told = (await Api.TimelineAsync(caseNo))
            .Where(e => e!["type"]!.GetValue<string>() is "sla_warning" or "sla_breached"
                && e["data"]!["metric"]!.GetValue<string>() == "first_response")
            .Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["sla_warning", "sla_breached"], told);
    }

    [Fact]
    public async Task ARaisedPriority_TightensLaterClocks_ButNeverBackDatesABreach()
    {
        var policy = Policy();
        policy["targets"]!.AsArray().Add(new JsonObject { ["metric"] = "resolution", ["priority"] = "high", ["minutes"] = 5 });
        await PutPolicyAsync(policy);
        var caseNo = await OpenAsync();
        await Api.AdvanceAsync(TimeSpan.FromMinutes(60)); // 10:00: first_response breaches, priority normal → high
        var c = await Api.CaseAsync(caseNo);
        Assert.Equal("high", c["priority"]!.GetValue<string>());
        var resolution = Clock(c, "resolution");
        Assert.Equal("running", State(resolution)); // still the 480 minutes it started with, not 5 minutes back-dated to 09:00
        Assert.Equal(480, resolution["targetMinutes"]!.GetValue<int>());
        Assert.Equal(Local(11, 23, 18), At(resolution, "dueAt"));
        var breaches = (await Api.TimelineAsync(caseNo)).Where(e => e!["type"]!.GetValue<string>() == "sla_breached")
            .Select(e => e!["data"]!["metric"]!.GetValue<string>()).ToList();
        Assert.Equal(["first_response"], breaches);
        // The breached clock keeps the target and due instant it breached with.
        var first = Clock(c, "first_response");
        Assert.Equal(60, first["targetMinutes"]!.GetValue<int>());
        Assert.Equal(Local(11, 23, 10), At(first, "dueAt"));
    }

    [Fact]
    public async Task OnlyThePlatformChangesStandards_StaffReadThem_AndAStaleIfMatchIs412()
    {
        await PutPolicyAsync(Policy());
        Problems.Assert(await App.As("agent-1").PutAsync("/api/v1/sla-policies/default", Policy()), 403, "auth.forbidden");
        Problems.Assert(await App.As("supervisor-1").PutAsync("/api/v1/calendars/mine", new JsonObject
        {
            ["name"] = "x", ["timeZone"] = "Asia/Shanghai", ["week"] = new JsonObject(), ["holidays"] = new JsonArray(), ["workdays"] = new JsonArray(),
        }), 403, "auth.forbidden");
        var read = await App.As("agent-1").GetAsync("/api/v1/sla-policies/default");
        Assert.Equal(200, read.StatusCode);
        Assert.Equal("\"1\"", read.ETag);
        Assert.Equal(200, (await App.As("agent-1").GetAsync("/api/v1/calendars/cn")).StatusCode);

        var stale = Api.Json(HttpMethod.Put, "/api/v1/sla-policies/default", Policy(firstResponse: 10), null, "\"0\"");
        Problems.Assert(await Api.SendAsync(stale), 412, "sla_policy.version_mismatch");
        var current = Api.Json(HttpMethod.Put, "/api/v1/sla-policies/default", Policy(firstResponse: 10), null, "\"1\"");
        Assert.Equal(200, (await Api.SendAsync(current)).StatusCode);

        var calendar = (await Api.GetAsync("/api/v1/calendars/cn")).Json.AsObject();
        var version = calendar["version"]!.GetValue<int>();
        var staleCalendar = Api.Json(HttpMethod.Put, "/api/v1/calendars/cn", calendar, null, $"\"{version - 1}\"");
        Problems.Assert(await Api.SendAsync(staleCalendar), 412, "calendar.version_mismatch");
    }

    [Fact]
    public async Task AnEscalationToSomebodyUnknown_Is400()
    {
        var policy = Policy();
        policy["escalations"]!.AsArray().Add(new JsonObject { ["on"] = "breached", ["action"] = "reassign", ["agentId"] = "ghost" });
        policy["escalations"]!.AsArray().Add(new JsonObject { ["on"] = "breached", ["action"] = "reassign", ["queueId"] = "nowhere" });
        Problems.AssertFields(await Api.PutAsync("/api/v1/sla-policies/default", policy), "sla_policy.invalid",
            "escalations[3].agentId", "escalations[4].queueId");
    }

    [Fact]
    public async Task AnUrgentCase_IsMeasuredByTheUrgentTarget()
    {
        await PutPolicyAsync(Policy());
        var c = await Api.CaseAsync(await OpenAsync(priority: "urgent"));
        Assert.Equal(20, Clock(c, "first_response")["targetMinutes"]!.GetValue<int>());
        Assert.Equal(Local(11, 23, 9, 20), At(Clock(c, "first_response"), "dueAt"));
    }

    [Fact]
    public async Task WaitingOnTheConsumer_PausesTheClocks_AndResumeMovesTheDue()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync();
        await Api.AdvanceAsync(TimeSpan.FromMinutes(10));
        var waiting = await Api.DoAsync(caseNo, "wait-on-consumer", new JsonObject { ["reason"] = "请补充照片" });
        Assert.Equal("met", State(Clock(waiting, "first_response"))); // asking is an answer
        var merchant = Clock(waiting, "merchant_response");
        Assert.Equal("paused", State(merchant));
        Assert.Null(At(merchant, "dueAt"));

        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromMinutes(120))); // 10:00 would have warned
        var resumed = await Api.DoAsync(caseNo, "resume");
        merchant = Clock(resumed, "merchant_response");
        Assert.Equal("running", State(merchant));
        // 10 minutes counted before the pause; 110 left from 11:10: 50 before lunch, 60 after.
        Assert.Equal(Local(11, 23, 14), At(merchant, "dueAt"));
        Assert.Equal(Local(11, 23, 12), At(merchant, "warnAt"));
        var pause = Assert.Single(merchant["pauses"]!.AsArray())!;
        Assert.Equal(Local(11, 23, 9, 10), TestClockApi.Instant(pause["from"]));
        Assert.Equal(Local(11, 23, 11, 10), TestClockApi.Instant(pause["to"]));
    }

    [Fact]
    public async Task APolicyChange_RecomputesOpenCases()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync();
        Assert.Equal(Local(11, 23, 10), At(Clock(await Api.CaseAsync(caseNo), "first_response"), "dueAt"));

        var saved = await PutPolicyAsync(Policy(firstResponse: 30));
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        var job = saved["recomputeJobId"]!.GetValue<long>();
        var done = await Eventually.UntilAsync(() => Api.GetAsync($"/api/v1/sla-recomputes/{job}"),
            r => r.Json["status"]?.GetValue<string>() == "done", r => r.ToString());
        Assert.Equal(1, done.Json["total"]!.GetValue<int>());
        Assert.Equal(1, done.Json["processed"]!.GetValue<int>());
        var c = await Api.CaseAsync(caseNo);
        Assert.Equal(Local(11, 23, 9, 30), At(Clock(c, "first_response"), "dueAt"));
        // The timer moved with it: the breach fires at 09:30 now.
        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromMinutes(14)));
        Assert.Equal(2, await Api.AdvanceAsync(TimeSpan.FromMinutes(16))); // its warning at 09:15, its breach at 09:30
    }

    [Fact]
    public async Task ACalendarChange_RecomputesOpenCases()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync();
        var calendar = (await Api.GetAsync("/api/v1/calendars/cn")).Json.AsObject();
        calendar["holidays"]!.AsArray().Add("2026-11-23");
        var put = await Api.PutAsync("/api/v1/calendars/cn", calendar);
        Assert.True(put.StatusCode == 200, put.ToString());
        var job = put.Json["recomputeJobId"]!.GetValue<long>();
        await Eventually.UntilAsync(() => Api.GetAsync($"/api/v1/sla-recomputes/{job}"),
            r => r.Json["status"]?.GetValue<string>() == "done", r => r.ToString());
        var c = await Api.CaseAsync(caseNo);
        // Monday became a day off: the hour counts from Tuesday's opening.
        Assert.Equal(Local(11, 24, 10), At(Clock(c, "first_response"), "dueAt"));
        Assert.Equal(Local(11, 24, 18), At(Clock(c, "resolution"), "dueAt"));
    }

    [Fact]
    public async Task BadPolicies_Are400WithFieldErrors_AndNothingIsSaved()
    {
        var bad = Policy();
        bad["calendarId"] = "no-such-calendar";
        bad["warningShare"] = 1.5;
        bad["targets"]!.AsArray().Add(new JsonObject { ["metric"] = "first_reply", ["minutes"] = 10 });
        bad["targets"]!.AsArray().Add(new JsonObject { ["metric"] = "resolution", ["minutes"] = 99 });
        bad["targets"]!.AsArray().Add(new JsonObject { ["metric"] = "resolution", ["caseType"] = "swap", ["minutes"] = 0 });
        bad["escalations"]!.AsArray().Add(new JsonObject { ["on"] = "later", ["action"] = "shout" });
        var response = await Api.PutAsync("/api/v1/sla-policies/strict", bad);
        Problems.AssertFields(response, "sla_policy.invalid", "calendarId", "warningShare", "targets[5].metric", "targets[6]",
            "targets[7].caseType", "targets[7].minutes", "escalations[3].on", "escalations[3].action");
        Problems.Assert(await Api.GetAsync("/api/v1/sla-policies/strict"), 404, "sla_policy.not_found");
        Problems.AssertFields(await Api.PutAsync("/api/v1/sla-policies/Bad%20Id", Policy()), "sla_policy.invalid", "policyId");
    }
}

public sealed class SlaTests_Sqlite() : SlaTests(new SqliteApp { Settings = ClockSettings.Manual(SlaTests.Monday9) });

public sealed class SlaTests_Postgres() : SlaTests(new PostgresApp { Settings = ClockSettings.Manual(SlaTests.Monday9) });

/// <summary>A clock paused over the 2026 National Day holidays (Oct 1–7) and resumed before the make-up Saturday (Oct 10).</summary>
public abstract class SlaHolidayTests(AfterSalesApp app) : SlaTestBase(app)
{
    /// <summary>Wednesday 2026-09-30 16:00 in Shanghai, the afternoon before National Day.</summary>
    public static readonly DateTimeOffset BeforeNationalDay = new(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task APauseOverNationalDay_SkipsTheHolidays_AndAMakeUpSaturdayCounts()
    {
        await PutPolicyAsync(Policy());
        var caseNo = await OpenAsync("complaint");
        await Api.AdvanceAsync(TimeSpan.FromMinutes(30));
        await Api.DoAsync(caseNo, "wait-on-consumer", new JsonObject { ["reason"] = "请提供订单截图" });
        await Api.AdvanceAsync(Local(10, 9, 10) - Local(9, 30, 16, 30)); // Friday after the holidays, 10:00
        var c = await Api.DoAsync(caseNo, "resume");
        // 30 minutes counted on 30 Sep; 450 left: 120 + 300 on Friday 9 Oct, 30 on the make-up Saturday 10 Oct.
        Assert.Equal(Local(10, 10, 9, 30), At(Clock(c, "resolution"), "dueAt"));
        var pause = Assert.Single(Clock(c, "resolution")["pauses"]!.AsArray())!;
        Assert.Equal(Local(9, 30, 16, 30), TestClockApi.Instant(pause["from"]));
    }
}

public sealed class SlaHolidayTests_Sqlite() : SlaHolidayTests(new SqliteApp { Settings = ClockSettings.Manual(SlaHolidayTests.BeforeNationalDay) });

public sealed class SlaHolidayTests_Postgres() : SlaHolidayTests(new PostgresApp { Settings = ClockSettings.Manual(SlaHolidayTests.BeforeNationalDay) });
