using AfterSales.Web.Modules.Routing.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Routing (issue 4, scope 3; DOMAIN.md §6): cases land in the first matching queue; a case that needs platform
/// staff goes to the qualified, available agent with the most spare capacity, or waits until one is free. Each test
/// has its own shop, skill and queue, and agents with its own ids, so the tests of the class do not route each other's cases.
/// </summary>
public abstract class RoutingTests(AfterSalesApp app) : ApiTests(app)
{
    private sealed record Setup(string Shop, string Skill, string Queue);

    private async Task<Setup> SetupAsync(string type, int precedence = 10)
    {
        var s = new Setup(Samples.NewId("shop"), Samples.NewId("sk").ToLowerInvariant(), Samples.NewId("q").ToLowerInvariant());
        await PutOkAsync($"/api/v1/skills/{s.Skill}", new JsonObject { ["name"] = "投诉处理", ["requiresCertificate"] = true });
        await PutOkAsync($"/api/v1/queues/{s.Queue}", new JsonObject
        {
            ["name"] = "Queue " + s.Queue, ["caseTypes"] = new JsonArray(type), ["shopIds"] = new JsonArray(s.Shop),
            ["requiredSkill"] = s.Skill, ["precedence"] = precedence,
        });
        return s;
    }

    private async Task<JsonNode> PutOkAsync(string url, JsonObject body, Api? api = null)
    {
        var response = await (api ?? Api).PutAsync(url, body);
        Assert.True(response.StatusCode is 200 or 201, $"PUT {url}: {response}");
        return response.Json;
    }

    private Task<JsonNode> PutAgentAsync(string agentId, string skill, int capacity, bool available = true) =>
        PutOkAsync($"/api/v1/agents/{agentId}", new JsonObject
        {
            ["name"] = agentId, ["skills"] = new JsonArray(skill), ["capacity"] = capacity, ["available"] = available,
        });

    private async Task<JsonNode> OpenAsync(string shop, string type = "complaint") =>
        await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), type, type == "complaint" ? "other" : "quality_issue");

    private static string CaseNo(JsonNode c) => c["caseNo"]!.GetValue<string>();

    private static string? Str(JsonNode? n) => n?.GetValue<string>();

    private async Task<JsonNode> QueueAsync(string queueId)
    {
        var response = await Api.GetAsync($"/api/v1/queues/{queueId}");
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    [Fact]
    public async Task NewComplaint_IsQueued_AndAssignedToTheAgentWithTheMostSpareCapacity()
    {
        var s = await SetupAsync("complaint");
        var (small, big, away) = (Samples.NewId("a"), Samples.NewId("b"), Samples.NewId("c"));
        await PutAgentAsync(small, s.Skill, capacity: 3);
        await PutAgentAsync(big, s.Skill, capacity: 4);
        await PutAgentAsync(away, s.Skill, capacity: 50, available: false);

        var first = await OpenAsync(s.Shop);
        Assert.Equal((s.Queue, big, "assigned", 1), (Str(first["queue"]), Str(first["assignee"]), Str(first["status"]), first["version"]!.GetValue<int>()));
        var routed = (await Api.TimelineAsync(CaseNo(first))).Skip(1).ToList();
        Assert.Equal(["queued", "assigned"], routed.Select(e => Str(e["type"])));
        Assert.All(routed, e => Assert.Equal(("system", "system"), (Str(e["actor"]), Str(e["role"]))));
        Assert.Equal(big, Str(routed[1]["data"]!["agentId"]));

        // Now 3 spare each: the tie goes to the agent with fewer open cases.
        var second = await OpenAsync(s.Shop);
        Assert.Equal(small, Str(second["assignee"]));
        var agent = (await Api.GetAsync($"/api/v1/agents/{big}")).Json;
        Assert.Equal((1, 3), (agent["openCases"]!.GetValue<int>(), agent["spareCapacity"]!.GetValue<int>()));
        var list = await Api.ListCasesAsync($"queue={s.Queue}");
        Assert.Equal(2, list.Json["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Appeal_IntoPlatformReview_GetsAnAgent()
    {
        var s = await SetupAsync("return_refund");
        var agent = Samples.NewId("a");
        await PutAgentAsync(agent, s.Skill, capacity: 2);
        var c = await OpenAsync(s.Shop, "return_refund");
        Assert.Equal((s.Queue, null), (Str(c["queue"]), Str(c["assignee"])));

        await Api.DoAsync(CaseNo(c), "refuse", new JsonObject { ["reason"] = "已超过无理由期限" });
        var appealed = await Api.DoAsync(CaseNo(c), "appeal", new JsonObject { ["reason"] = "商品有质量问题" });

        Assert.Equal(("platform_review", agent), (Str(appealed["status"]), Str(appealed["assignee"])));
        Assert.Equal(c["version"]!.GetValue<int>() + 2, appealed["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task NoQualifiedAgent_CaseWaits_ThenAnAgentMadeAvailable_TakesTheOldestUpToCapacity()
    {
        var s = await SetupAsync("complaint");
        var agent = Samples.NewId("a");
        await PutAgentAsync(agent, s.Skill, capacity: 1, available: false);
        var older = await OpenAsync(s.Shop);
        var newer = await OpenAsync(s.Shop);
        Assert.Equal(("opened", null), (Str(older["status"]), Str(older["assignee"])));
        Assert.Equal(2, (await QueueAsync(s.Queue))["stats"]!["unassigned"]!.GetValue<int>());

        var view = await PutAgentAsync(agent, s.Skill, capacity: 1, available: true);

        Assert.Equal((1, 0), (view["openCases"]!.GetValue<int>(), view["spareCapacity"]!.GetValue<int>()));
        var taken = await Api.CaseAsync(CaseNo(older));
        Assert.Equal((agent, "assigned", older["version"]!.GetValue<int>() + 1),
            (Str(taken["assignee"]), Str(taken["status"]), taken["version"]!.GetValue<int>()));
        Assert.Null(Str((await Api.CaseAsync(CaseNo(newer)))["assignee"]));
        Assert.Equal(1, (await QueueAsync(s.Queue))["stats"]!["unassigned"]!.GetValue<int>());
    }

    [Fact]
    public async Task Agent_TakesAnUnassignedCase_CannotReassignAnothersCase_ASupervisorCan()
    {
        var c = await OpenAsync(Samples.NewId("shop"), "return_refund");
        var (agent1, agent2, supervisor) = (App.As("agent-1"), App.As("agent-2"), App.As("supervisor-1"));

        var taken = await agent1.DoAsync(CaseNo(c), "assign", new JsonObject { ["agentId"] = "agent-1" });
        Assert.Equal("agent-1", Str(taken["assignee"]));
        Assert.DoesNotContain(await agent2.ActionsAsync(CaseNo(c)), a => Str(a["action"]) == "assign");

        var refused = await agent2.ActAsync(CaseNo(c), "assign", new JsonObject { ["agentId"] = "agent-2" });
        Problems.Assert(refused, 403, "case.role_not_allowed");
        Assert.Equal(("agent-1", taken["version"]!.GetValue<int>()),
            (Str((await Api.CaseAsync(CaseNo(c)))["assignee"]), (await Api.CaseAsync(CaseNo(c)))["version"]!.GetValue<int>()));

        var moved = await supervisor.DoAsync(CaseNo(c), "assign", new JsonObject { ["agentId"] = "agent-2" });
        Assert.Equal("agent-2", Str(moved["assignee"]));
        var last = (await Api.TimelineAsync(CaseNo(c)))[^1];
        Assert.Equal(("supervisor-1", "supervisor", "agent-1"), (Str(last["actor"]), Str(last["role"]), Str(last["data"]!["previous"])));
    }

    [Fact]
    public async Task QueueList_CountsOpenCases_Unassigned_TheOldest_AndBreaches()
    {
        var s = await SetupAsync("complaint");
        var agent = Samples.NewId("a");
        await PutAgentAsync(agent, s.Skill, capacity: 1);
        var assigned = await OpenAsync(s.Shop);
        var waiting = await OpenAsync(s.Shop);
        var cancelled = await OpenAsync(s.Shop);
        await Api.DoAsync(CaseNo(cancelled), "cancel");
        Assert.Equal(agent, Str(assigned["assignee"]));

        var response = await Api.GetAsync("/api/v1/queues");
        Assert.Equal(200, response.StatusCode);
        var queue = Assert.Single(response.Json.AsArray(), q => Str(q!["queueId"]) == s.Queue)!;
        var stats = queue["stats"]!;
        Assert.Equal((2, 1, 0), (stats["depth"]!.GetValue<int>(), stats["unassigned"]!.GetValue<int>(), stats["breached"]!.GetValue<int>()));
        Assert.Equal(TestClockApi.Instant(assigned["createdAt"]), TestClockApi.Instant(stats["oldestOpenAt"]));
        Assert.True(stats["oldestAgeMinutes"]!.GetValue<long>() >= 0);
        Assert.Equal(["complaint"], queue["caseTypes"]!.AsArray().Select(t => Str(t)));
        Assert.Equal(Str(waiting["caseNo"]), Str(Assert.Single((await Api.ListCasesAsync($"queue={s.Queue}&status=opened")).Json["items"]!.AsArray())!["caseNo"]));
    }

    [Fact]
    public async Task BadPuts_Are400WithFieldErrors_AndWriteNothing()
    {
        var before = await CountsAsync();
        var queue = await Api.PutAsync("/api/v1/queues/bad-queue", new JsonObject
        {
            ["name"] = "", ["caseTypes"] = new JsonArray("complaint", "gossip"), ["requiredSkill"] = "no-such-skill",
        });
        Problems.AssertFields(queue, "routing.invalid", "name", "caseTypes[1]", "requiredSkill", "precedence");
        var agent = await Api.PutAsync("/api/v1/agents/" + new string('a', 65), new JsonObject
        {
            ["name"] = "张三", ["skills"] = new JsonArray("no-such-skill"), ["capacity"] = 1001,
        });
        Problems.AssertFields(agent, "routing.invalid", "agentId", "skills[0]", "capacity");
        Problems.AssertFields(await Api.PutAsync("/api/v1/agents/ok-agent", new JsonObject { ["name"] = "x", ["capacity"] = -1 }),
            "routing.invalid", "capacity");
        Problems.AssertFields(await Api.PutAsync("/api/v1/skills/Bad Skill", new JsonObject { ["name"] = " " }),
            "routing.invalid", "skillId", "name");

        Assert.Equal(before, await CountsAsync());
        Problems.Assert(await Api.GetAsync("/api/v1/queues/bad-queue"), 404, "routing.queue_not_found");
        Problems.Assert(await Api.GetAsync("/api/v1/agents/ok-agent"), 404, "routing.agent_not_found");
    }

    [Fact]
    public async Task AnAgent_ReadsQueues_ButCannotChangeThem()
    {
        Assert.Equal(200, (await App.As("agent-1").GetAsync("/api/v1/queues")).StatusCode);
        var response = await App.As("agent-1").PutAsync("/api/v1/skills/by-agent", new JsonObject { ["name"] = "x" });
        Problems.Assert(response, 403, "auth.forbidden");
        Assert.Equal(201, (await App.As("supervisor-1").PutAsync("/api/v1/skills/by-supervisor", new JsonObject { ["name"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task Reassign_ForEscalation_PicksAnotherQualifiedAgent()
    {
        var s = await SetupAsync("complaint");
        var (first, second) = (Samples.NewId("a"), Samples.NewId("b"));
        await PutAgentAsync(first, s.Skill, capacity: 9);
        var c = await OpenAsync(s.Shop);
        Assert.Equal(first, Str(c["assignee"]));
        await PutAgentAsync(second, s.Skill, capacity: 1);

        var chosen = await App.QueryAsync(async db =>
        {
            var router = App.Services.GetRequiredService<Router>();
            var loaded = await db.Cases.Include(x => x.Timers).FirstAsync(x => x.CaseNo == CaseNo(c));
            var agent = await router.ReassignAsync(db, loaded, null, DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            return agent;
        });

        Assert.Equal(second, chosen);
        var after = await Api.CaseAsync(CaseNo(c));
        Assert.Equal((second, c["version"]!.GetValue<int>() + 1), (Str(after["assignee"]), after["version"]!.GetValue<int>()));
    }

    private Task<(int, int, int)> CountsAsync() => App.QueryAsync(async db =>
        (await db.Queues.CountAsync(), await db.Agents.CountAsync(), await db.Skills.CountAsync()));
}

public sealed class RoutingTests_Sqlite(SqliteApp app) : RoutingTests(app), IClassFixture<SqliteApp>;

public sealed class RoutingTests_Postgres(PostgresApp app) : RoutingTests(app), IClassFixture<PostgresApp>;
