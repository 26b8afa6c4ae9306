using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>The agent's inbox (/desk): tabs, the take button (assign to oneself), the consumer's other cases beside a case.</summary>
public abstract partial class DeskWorkspaceTests(AfterSalesApp app) : ApiTests(app)
{
    [GeneratedRegex("href=\"/desk/cases/([^\"]+)\" data-open")]
    internal static partial Regex CaseLink();

    internal static List<string> Listed(string html) => CaseLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private async Task<(string Name, string Id)> UserAsync(string role)
    {
        var name = Name(role);
        var created = await Api.PostAsync("/api/v1/users", User(name, StrongPassword, role));
        Assert.True(created.StatusCode == 201, created.ToString());
        return (name, created.Json["userId"]!.GetValue<string>());
    }

    private async Task<string> OpenAsync(string type, string consumer = "consumer-1")
    {
        var orderNo = await Api.CreateOrderAsync(change: o => o["consumerId"] = consumer);
        return (await Api.OpenCaseAsync(orderNo, type, type == "complaint" ? "other" : "quality_issue"))["caseNo"]!.GetValue<string>();
    }

    [Fact]
    public async Task Take_AssignsTheCaseToMe_AndItMovesToMine()
    {
        var complaint = await OpenAsync("complaint");
        var (name, id) = await UserAsync("agent");
        var agent = await WebSession.SignInAsync(App, name);

        var (status, waiting) = await agent.GetAsync("/desk?tab=waiting");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(complaint, Listed(waiting));
        Assert.Contains("value=\"" + complaint + "\"", waiting, StringComparison.Ordinal); // the take form
        Assert.DoesNotContain(complaint, Listed((await agent.GetAsync("/desk?tab=mine")).Html));

        var version = (await Api.CaseAsync(complaint))["version"]!.GetValue<int>();
        using var taken = await agent.PostFormAsync("/desk?handler=Take&tab=waiting",
            new() { ["caseNo"] = complaint, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/desk?tab=waiting");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal($"/desk/cases/{complaint}", taken.Headers.Location!.OriginalString);
        Assert.Equal(id, (await Api.CaseAsync(complaint))["assignee"]!.GetValue<string>());
        Assert.Contains($"已领取 {complaint}", (await agent.GetAsync(taken.Headers.Location!.OriginalString)).Html, StringComparison.Ordinal);
        Assert.Contains(complaint, Listed((await agent.GetAsync("/desk?tab=mine")).Html));
        Assert.DoesNotContain(complaint, Listed((await agent.GetAsync("/desk?tab=waiting")).Html));

        // Taken already: the rules no longer offer assign to an agent, so a second take is refused in words.
        using var again = await agent.PostFormAsync("/desk?handler=Take",
            new() { ["caseNo"] = complaint, ["version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: $"/desk/cases/{complaint}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("role=\"alert\"", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisors_SeeQueueFigures_AndTheDeskCaseShowsTheConsumersOtherCases()
    {
        var consumer = Samples.NewId("c");
        var first = await OpenAsync("return_refund", consumer);
        var second = await OpenAsync("complaint", consumer);
        var stranger = await OpenAsync("complaint");
        var (name, _) = await UserAsync("supervisor");
        var supervisor = await WebSession.SignInAsync(App, name);

        var (status, desk) = await supervisor.GetAsync("/desk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("队列概况", desk, StringComparison.Ordinal);

        var page = (await supervisor.GetAsync($"/desk/cases/{first}")).Html;
        Assert.Contains("该消费者的其他售后单", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/desk/cases/{second}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger, page, StringComparison.Ordinal);
        Assert.Contains("name=\"action\" value=\"agree\"", page, StringComparison.Ordinal); // the shared partial still renders
    }

    [Fact]
    public async Task TheInboxAndTheCase_ShowQueueAndAgentNames_NotTheirIds()
    {
        // A queue and skill of this test's own shop, so no other test's case is routed here.
        var (shop, skill, queue) = (Samples.NewId("shop"), Samples.NewId("sk").ToLowerInvariant(), Samples.NewId("q").ToLowerInvariant());
        var queueName = "投诉专席 " + queue[^4..];
        Assert.InRange((await Api.PutAsync($"/api/v1/skills/{skill}", new JsonObject { ["name"] = "投诉处理", ["requiresCertificate"] = false })).StatusCode, 200, 201);
        Assert.InRange((await Api.PutAsync($"/api/v1/queues/{queue}", new JsonObject
        {
            ["name"] = queueName, ["caseTypes"] = new JsonArray("complaint"), ["shopIds"] = new JsonArray(shop), ["requiredSkill"] = skill, ["precedence"] = 5,
        })).StatusCode, 200, 201);
        var (agentName, agentId) = await UserAsync("agent");
        var routingName = "孙测试" + agentId[..4];
        Assert.InRange((await Api.PutAsync($"/api/v1/agents/{agentId}", new JsonObject
        {
            ["name"] = routingName, ["skills"] = new JsonArray(skill), ["capacity"] = 5, ["available"] = true,
        })).StatusCode, 200, 201);
        var orderNo = await Api.CreateOrderAsync(shop);
        var caseNo = (await Api.OpenCaseAsync(orderNo, "complaint", "other"))["caseNo"]!.GetValue<string>();
        var routed = await Api.CaseAsync(caseNo);
        Assert.Equal((queue, agentId), (routed["queue"]!.GetValue<string>(), routed["assignee"]!.GetValue<string>()));

        var (name, _) = await UserAsync("supervisor");
        var supervisor = await WebSession.SignInAsync(App, name);
        var desk = (await supervisor.GetAsync("/desk?tab=all")).Html;
        Assert.Contains(caseNo, Listed(desk));
        var seen = VisibleText.Of(desk);
        Assert.Contains(queueName, seen, StringComparison.Ordinal);     // the row and the queue figures
        Assert.Contains(routingName, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(queue, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(agentId, seen, StringComparison.Ordinal);
        Assert.Contains($"title=\"{queue}\"", desk, StringComparison.Ordinal); // the id stays at hand for staff

        var casePage = VisibleText.Of((await supervisor.GetAsync($"/desk/cases/{caseNo}")).Html);
        Assert.Contains(queueName, casePage, StringComparison.Ordinal);
        Assert.Contains(routingName, casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(queue, casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(agentId, casePage, StringComparison.Ordinal);
        // The consumer by the recipient's masked name (the sample's 张三), never unmasked.
        Assert.Contains("消费者：张*", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", casePage, StringComparison.Ordinal);

        // The agent's own inbox: the queue by name, the case as theirs.
        var agent = await WebSession.SignInAsync(App, agentName);
        var mine = VisibleText.Of((await agent.GetAsync("/desk?tab=mine")).Html);
        Assert.Contains(queueName, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(queue, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassign_OffersAgentsByName_HoldersOfTheQueuesSkillFirst_AndHandsTheCaseOver()
    {
        var (shop, skill, queue) = (Samples.NewId("shop"), Samples.NewId("sk").ToLowerInvariant(), Samples.NewId("q").ToLowerInvariant());
        Assert.InRange((await Api.PutAsync($"/api/v1/skills/{skill}", new JsonObject { ["name"] = "换货", ["requiresCertificate"] = false })).StatusCode, 200, 201);
        Assert.InRange((await Api.PutAsync($"/api/v1/queues/{queue}", new JsonObject
        {
            ["name"] = "换货组 " + queue[^4..], ["caseTypes"] = new JsonArray("complaint"), ["shopIds"] = new JsonArray(shop), ["requiredSkill"] = skill, ["precedence"] = 5,
        })).StatusCode, 200, 201);
        async Task<string> AgentAsync(string who, bool skilled, bool available)
        {
            var (_, id) = await UserAsync("agent");
            Assert.InRange((await Api.PutAsync($"/api/v1/agents/{id}", new JsonObject
            {
                ["name"] = who, ["skills"] = skilled ? new JsonArray(skill) : new JsonArray(), ["capacity"] = 5, ["available"] = available,
            })).StatusCode, 200, 201);
            return id;
        }
        var first = await AgentAsync("甲" + queue[^4..], skilled: true, available: true);
        var second = await AgentAsync("乙" + queue[^4..], skilled: true, available: true);
        var novice = await AgentAsync("丙" + queue[^4..], skilled: false, available: true);
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "complaint", "other"))["caseNo"]!.GetValue<string>();
        var assignee = (await Api.CaseAsync(caseNo))["assignee"]!.GetValue<string>();
        Assert.Contains(assignee, new[] { first, second });
        var other = assignee == first ? second : first;

        var (name, _) = await UserAsync("supervisor");
        var supervisor = await WebSession.SignInAsync(App, name);
        var page = (await supervisor.GetAsync($"/desk/cases/{caseNo}")).Html;
        var form = Regex.Match(page, "<form[^>]*id=\"act-assign\".*?</form>", RegexOptions.Singleline).Value;
        Assert.Contains("<select", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{other}\">乙{queue[^4..]}</option>".Replace("乙", other == second ? "乙" : "甲"), form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{novice}\">丙{queue[^4..]}（无此队列技能）</option>", form, StringComparison.Ordinal);
        Assert.True(form.IndexOf(other, StringComparison.Ordinal) < form.IndexOf(novice, StringComparison.Ordinal), "the skilled come first");
        Assert.Contains($"value=\"{assignee}\" selected", form, StringComparison.Ordinal);   // who has it now

        var version = (await Api.CaseAsync(caseNo))["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var moved = await supervisor.PostFormAsync($"/desk/cases/{caseNo}?handler=Act",
            new() { ["action"] = "assign", ["version"] = version, ["Form.AgentId"] = other }, formPage: $"/desk/cases/{caseNo}");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other, (await Api.CaseAsync(caseNo))["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyCasesAwaitingStaff_OfferTake_TheMerchantsTurnSaysSo()
    {
        var complaint = await OpenAsync("complaint");
        var request = await OpenAsync("return_refund");   // requested: the merchant's turn, though unassigned
        var (name, _) = await UserAsync("supervisor");
        var supervisor = await WebSession.SignInAsync(App, name);
        var all = (await supervisor.GetAsync("/desk?tab=all")).Html;
        Assert.Contains(complaint, Listed(all));
        Assert.Contains(request, Listed(all));
        Assert.Contains($"name=\"caseNo\" value=\"{complaint}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"caseNo\" value=\"{request}\"", all, StringComparison.Ordinal);
        var row = Regex.Match(all, $"<tr data-row>(?:(?!</tr>).)*?/desk/cases/{request}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("商家或消费者处理中", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merchants_AreNotLetIntoTheDesk()
    {
        var (name, _) = await UserAsync("merchant");
        var merchant = await WebSession.SignInAsync(App, name);
        using var denied = await merchant.Http.GetAsync("/desk", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class DeskWorkspaceTests_Sqlite(SqliteApp app) : DeskWorkspaceTests(app), IClassFixture<SqliteApp>;

public sealed class DeskWorkspaceTests_Postgres(PostgresApp app) : DeskWorkspaceTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The desk's order by SLA risk on the manual clock: a breached case first, then the nearest due, a paused case
/// last — whatever order the cases were opened in.
/// </summary>
public abstract class DeskRiskWorkspaceTests(AfterSalesApp app) : SlaTestBase(app)
{
    [Fact]
    public async Task TheInbox_IsOrderedBySlaRisk()
    {
        await PutPolicyAsync(Policy());
        var later = await OpenAsync("complaint");            // first_response due 10:00
        var urgent = await OpenAsync("complaint", "urgent"); // first_response due 09:20: breached by 09:30
        var paused = await OpenAsync("complaint");
        await Api.DoAsync(paused, "wait-on-consumer", new JsonObject { ["reason"] = "等待照片" });
        await Api.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal("breached", State(Clock(await Api.CaseAsync(urgent), "first_response")));

        var name = Name("supervisor");
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", User(name, StrongPassword, "supervisor"))).StatusCode);
        var supervisor = await WebSession.SignInAsync(App, name);
        var html = (await supervisor.GetAsync("/desk?tab=all")).Html;
        Assert.Equal([urgent, later, paused], DeskWorkspaceTests.Listed(html));
        Assert.Contains("已超时", html, StringComparison.Ordinal);
        Assert.Contains("已暂停", html, StringComparison.Ordinal);
    }
}

public sealed class DeskRiskWorkspaceTests_Sqlite() : DeskRiskWorkspaceTests(new SqliteApp { Settings = ClockSettings.Manual(SlaTestBase.Monday9) });

public sealed class DeskRiskWorkspaceTests_Postgres() : DeskRiskWorkspaceTests(new PostgresApp { Settings = ClockSettings.Manual(SlaTestBase.Monday9) });
