using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Admin;

/// <summary>
/// The admin pages (issue 6, scope 5) through real HTTP with the sign-in cookie: each change made on a page is seen by
/// the API, a refused form shows the API's problem and field errors and writes nothing, and only platform admins get in.
/// </summary>
public abstract partial class AdminPagesTests(AfterSalesApp app) : ApiTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("id=\"new-key\" class=\"secret\" readonly value=\"([^\"]+)\"")]
    private static partial Regex NewKey();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/api-keys")]
    [InlineData("/admin/webhooks")]
    [InlineData("/admin/calendars")]
    [InlineData("/admin/calendars/cn")]
    [InlineData("/admin/policies")]
    [InlineData("/admin/sla")]
    [InlineData("/admin/sla/default")]
    [InlineData("/admin/routing")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/shops")]
    public async Task OnlyAPlatformAdminGetsIn(string path)
    {
        var anonymous = await App.CreateBrowserClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);

        var merchant = Name("merchant");
        await CreateUserAsync(Api, merchant, "merchant");
        var merchantBrowser = await AdminBrowser.SignInAsync(App, merchant);
        var refused = await merchantBrowser.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        var denied = await merchantBrowser.GetAsync(refused.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.DoesNotContain("/css/admin.css", denied.Html, StringComparison.Ordinal);

        var admin = await AdminBrowser.AdminAsync(App);
        var (status, html) = await admin.GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains("/css/admin.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserCreatedOnThePage_IsListed_AndSignsIn_AndABadFormShowsItsFieldErrors_AndWritesNothing()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var name = Name("agent");
        // The shops are offered by name (a profile names s1; s2 is known by an order only and offered by its id).
        var (s1, s2) = (Samples.NewId("shop"), await Api.KnownShopAsync());
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{s1}", new System.Text.Json.Nodes.JsonObject { ["name"] = "简衣服饰 " + s1[^4..] })).StatusCode);
        var form = (await admin.GetAsync("/admin/users")).Html;
        Assert.Contains($"name=\"ShopIds\" value=\"{s1}\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"ShopIds\" value=\"{s2}\"", form, StringComparison.Ordinal);
        var created = await admin.PostAsync("/admin/users", [
            new("UserName", name), new("Password", StrongPassword), new("DisplayName", "客服 小王"),
            new("Roles", "agent"), new("Roles", "qa_inspector"), new("ShopIds", s1), new("ShopIds", s2), new("ConsumerId", ""),
        ]);
        var page = await admin.FollowAsync(created);
        Assert.Contains($"已创建用户 {name}。", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{name}</td>", page, StringComparison.Ordinal);
        // The table names the shop (its id never shown for a named shop); a shop without a profile reads as its id.
        Assert.Contains($"<td>简衣服饰 {s1[^4..]}, {s2}</td>", page, StringComparison.Ordinal);
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);

        var bad = Name("bad");
        var refused = await admin.PostAsync("/admin/users?ui-culture=en-US&culture=en-US", [new("UserName", bad), new("Password", "short")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">user.invalid<", html, StringComparison.Ordinal);
        // Field names as words, messages in the person's language (en-US here: the API's own phrase).
        Assert.Contains("<li>Roles: at least one role</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Password: ", html, StringComparison.Ordinal);
        Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Equal(401, (await TokenAsync(App, bad, "short")).StatusCode);
        Assert.DoesNotContain($"<td>{bad}</td>", (await admin.GetAsync("/admin/users")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyCreatedOnThePage_IsShownOnce_WorksAsABearerKey_AndStopsWhenRevoked()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var keyName = "ERP " + Samples.NewId("k");
        // Post/redirect/get: the key crosses the redirect once and is shown on a no-store GET.
        var posted = await admin.PostAsync("/admin/api-keys", [new("Name", keyName), new("Roles", "platform_admin")], "Create");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("ask_", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var response = await admin.Http.GetAsync(posted.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page with the key must not be stored");
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("此密钥只显示这一次", html, StringComparison.Ordinal);
        var key = WebUtility.HtmlDecode(NewKey().Match(html).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(key), html);

        var asKey = As(App, key);
        var keys = await asKey.GetAsync("/api/v1/api-keys");
        Assert.True(keys.StatusCode == 200, keys.ToString());
        var row = keys.Json.AsArray().Single(k => k!["name"]!.GetValue<string>() == keyName)!;
        var keyId = row["keyId"]!.GetValue<string>();

        var again = (await admin.GetAsync("/admin/api-keys")).Html;
        Assert.Contains(keyName, again, StringComparison.Ordinal);
        Assert.Contains(keyId, again, StringComparison.Ordinal);
        Assert.DoesNotContain(key, again, StringComparison.Ordinal);

        // Revoking asks first, in the row, with no GET that changes anything: only the confirming POST revokes.
        Assert.Contains("确认吊销", again, StringComparison.Ordinal);
        Assert.DoesNotContain("?revoke=", again, StringComparison.Ordinal);
        Assert.Equal(200, (await asKey.GetAsync("/api/v1/api-keys")).StatusCode);
        var revoked = await admin.FollowAsync(await admin.PostAsync("/admin/api-keys", [new("Revoke", keyId)], "Revoke"));
        Assert.Contains($"已吊销密钥 {keyId}。", revoked, StringComparison.Ordinal);
        Assert.Equal(401, (await asKey.GetAsync("/api/v1/api-keys")).StatusCode);

        var noRoles = await admin.PostAsync("/admin/api-keys", [new("Name", "no roles")], "Create");
        Assert.Equal(HttpStatusCode.BadRequest, noRoles.StatusCode);
        var problem = await noRoles.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">api_key.invalid<", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-key\"", problem, StringComparison.Ordinal);
        Assert.DoesNotContain((await Api.GetAsync("/api/v1/api-keys")).Json.AsArray(), k => k!["name"]!.GetValue<string>() == "no roles");
    }

    [Fact]
    public async Task AWebhookCreatedOnThePage_IsSeenByTheApi_ShowsItsDeliveries_AndABadUrlIsRefused()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var url = $"https://erp.example/{Samples.NewId("hook")}";
        var created = await admin.PostAsync("/admin/webhooks", [
            new("TargetUrl", url), new("Events", "case.created"), new("Events", "refund.failed"), new("Secret", "0123456789abcdef-secret"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailPath = created.Headers.Location!.OriginalString;
        var detail = await admin.FollowAsync(created);
        Assert.Contains(url, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef-secret", detail, StringComparison.Ordinal);
        var hooks = (await Api.GetAsync("/api/v1/webhooks")).Json["items"]!.AsArray();
        var hook = hooks.Single(h => h!["url"]!.GetValue<string>() == url)!;
        Assert.Equal(["case.created", "refund.failed"], hook["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.EndsWith(hook["webhookId"]!.GetValue<string>(), detailPath, StringComparison.OrdinalIgnoreCase);

        var rotated = await admin.FollowAsync(await admin.PostAsync(detailPath, [new("Secret", "fedcba9876543210-secret"), new("OverlapHours", "2")], "Rotate"));
        Assert.Contains("签名密钥已轮换。", rotated, StringComparison.Ordinal);
        Assert.NotNull((await Api.GetAsync($"/api/v1/webhooks/{hook["webhookId"]}")).Json["secretRotatedAt"]);

        var bad = await admin.PostAsync("/admin/webhooks", [new("TargetUrl", "ftp://nope"), new("Secret", "short")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">webhook.invalid<", html, StringComparison.Ordinal);
        Assert.Contains("<li>地址: ", html, StringComparison.Ordinal);
        Assert.Contains("<li>事件: ", html, StringComparison.Ordinal);
        Assert.Contains("<li>签名密钥: 16 至 256 个字符</li>", html, StringComparison.Ordinal);
        Assert.Equal(hooks.Count, (await Api.GetAsync("/api/v1/webhooks")).Json["items"]!.AsArray().Count);

        var deleted = await admin.FollowAsync(await admin.PostAsync(detailPath, [], "Delete"));
        Assert.Contains("订阅已删除。", deleted, StringComparison.Ordinal);
        Assert.Equal(404, (await Api.GetAsync($"/api/v1/webhooks/{hook["webhookId"]}")).StatusCode);
    }

    [Fact]
    public async Task TheCnGridForOctober2026_MarksTheNationalDayHolidays_AndTheMakeUpWorkday_MondayFirst()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var (status, html) = await admin.GetAsync("/admin/calendars/cn?year=2026&month=10");
        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains("Asia/Shanghai", html, StringComparison.Ordinal);
        var cells = Regex.Matches(html, "data-date=\"([0-9-]+)\" data-kind=\"(\\w+)\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        // 1 October 2026 is a Thursday: the grid starts on Monday 28 September and ends on Sunday 1 November.
        Assert.Equal("2026-09-28", cells.Keys.First());
        Assert.Equal("2026-11-01", cells.Keys.Last());
        Assert.Equal(35, cells.Count);
        for (var d = 1; d <= 7; d++) Assert.Equal("holiday", cells[$"2026-10-0{d}"]);
        // The shipped 2026 file (Data/cn/2026.json): Saturday 10 October is the make-up workday after National Day.
        Assert.Equal("makeup", cells["2026-10-10"]);
        Assert.Equal("working", cells["2026-09-28"]);
        Assert.Equal("off", cells["2026-10-11"]);
        Assert.Equal("working", cells["2026-10-08"]);
        // Not by colour alone: the holidays carry 休 and the make-up day 班, in the cell and in the legend.
        Assert.Matches("data-date=\"2026-10-01\" data-kind=\"holiday\">\\s*<span class=\"num\">1</span>\\s*<span class=\"mark\" title=\"法定节假日\">休</span>", html);
        Assert.Matches("data-date=\"2026-10-10\" data-kind=\"makeup\">\\s*<span class=\"num\">10</span>\\s*<span class=\"mark\" title=\"调休上班\">班</span>", html);
        Assert.Contains("year=2026&amp;month=9", html, StringComparison.Ordinal);
        Assert.Contains("year=2026&amp;month=11", html, StringComparison.Ordinal);

        var english = (await admin.GetAsync("/admin/calendars/cn?year=2026&month=10&culture=en-US&ui-culture=en-US")).Html;
        Assert.Contains(">Holiday</span>", english, StringComparison.Ordinal);
        Assert.Contains(">Make-up</span>", english, StringComparison.Ordinal);
        Assert.Contains("October 2026", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadCalendarEdit_ShowsTheFieldErrors_AndSavesNothing()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var before = (await Api.GetAsync("/api/v1/calendars/cn")).Json["version"]!.GetValue<int>();
        var body = """{ "name": "x", "timeZone": "Mars/Olympus", "week": { "mon": [["18:00","09:00"]] } }""";
        var refused = await admin.PostAsync("/admin/calendars/cn?year=2026&month=10", [new("Definition", body), new("Version", before.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">calendar.invalid<", html, StringComparison.Ordinal);
        Assert.Contains("<li>时区: ", html, StringComparison.Ordinal);
        Assert.Equal(before, (await Api.GetAsync("/api/v1/calendars/cn")).Json["version"]!.GetValue<int>());

        var garbled = await admin.PostAsync("/admin/calendars/cn", [new("Definition", "{ not json"), new("Version", before.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("id=\"problem-code\">request.malformed<", await garbled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APolicySavedOnThePage_IsANewVersion_AndBelowTheLegalFloorIsRefusedClearly()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var shopId = await Api.KnownShopAsync();
        var scope = "shop:" + shopId;
        var form = (await admin.GetAsync("/admin/policies?scope=" + scope)).Html;
        Assert.Contains("法定下限：7", form, StringComparison.Ordinal);
        Assert.Contains("法定下限：15", form, StringComparison.Ordinal);

        var below = await admin.PostAsync("/admin/policies", [new("Scope", scope), new("Values[noReasonDays]", "3")]);
        Assert.Equal((HttpStatusCode)422, below.StatusCode);
        var html = await below.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">policy.below_legal_floor<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"below-floor\"", html, StringComparison.Ordinal);
        Assert.Equal(404, (await Api.GetAsync("/api/v1/policies/" + scope)).StatusCode);

        var saved = await admin.FollowAsync(await admin.PostAsync("/admin/policies", [new("Scope", scope), new("Values[noReasonDays]", "15"), new("PaidBy", "merchant")]));
        Assert.Contains($"已保存 店铺 {shopId} 的新版本。", saved, StringComparison.Ordinal);
        var policy = (await Api.GetAsync("/api/v1/policies/" + scope)).Json;
        Assert.Equal(1, policy["version"]!.GetValue<int>());
        Assert.Equal(15, policy["settings"]!["noReasonDays"]!.GetValue<int>());
        Assert.Equal("merchant", policy["settings"]!["noReasonReturnShippingPaidBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheAuditPage_ListsEntries_AndVerifiesTheChain()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var response = await admin.PostAsync("/admin/audit", [], "Verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("哈希链完整", html, StringComparison.Ordinal);
        Assert.Contains("id=\"audit\"", html, StringComparison.Ordinal);
        var bad = await admin.GetAsync("/admin/audit?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<li>起始时间: ", bad.Html, StringComparison.Ordinal);
    }

    /// <summary>The default policy (seeded on first start unless the app says not to; saved here if it was not).</summary>
    private async Task EnsureDefaultSlaPolicyAsync()
    {
        if ((await Api.GetAsync("/api/v1/sla-policies/default")).StatusCode == 200) return;
        var saved = await Api.PutAsync("/api/v1/sla-policies/default", SlaPolicy(240));
        Assert.True(saved.StatusCode == 200, saved.ToString());
    }

    private static System.Text.Json.Nodes.JsonObject SlaPolicy(int firstResponse) => new()
    {
        ["name"] = "Admin page test", ["calendarId"] = "cn", ["warningShare"] = 0.75m,
        ["targets"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["metric"] = "first_response", ["minutes"] = firstResponse },
            new System.Text.Json.Nodes.JsonObject { ["metric"] = "resolution", ["caseType"] = "complaint", ["minutes"] = 3360 }),
        ["escalations"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["on"] = "breached", ["action"] = "notify", ["notify"] = "supervisor" }),
    };

    [Fact]
    public async Task TheSlaPages_ListTheDefaultPolicy_SaveAValidEdit_AndRefuseABadOrStaleOne()
    {
        await EnsureDefaultSlaPolicyAsync();
        var admin = await AdminBrowser.AdminAsync(App);
        var list = await admin.GetAsync("/admin/sla");
        Assert.True(list.Status == HttpStatusCode.OK, list.Html);
        Assert.Contains("<a href=\"/admin/sla/default\">default</a>", list.Html, StringComparison.Ordinal);
        Assert.Contains("<caption>", list.Html, StringComparison.Ordinal);

        var id = "adm-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Api.PutAsync($"/api/v1/sla-policies/{id}", SlaPolicy(240));
        Assert.True(created.StatusCode == 200, created.ToString());
        var path = $"/admin/sla/{id}";
        var page = (await admin.GetAsync(path)).Html;
        // Business time on cn (09:00–12:00, 13:00–18:00: 480 minutes a day): 3,360 minutes are seven working days.
        Assert.Contains("<td class=\"budget\">7 个工作日</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"budget\">4 小时</td>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"escalations\"", page, StringComparison.Ordinal);
        Assert.Contains("&quot;first_response&quot;", page, StringComparison.Ordinal);
        var english = (await admin.GetAsync(path + "?culture=en-US&ui-culture=en-US")).Html;
        Assert.Contains("<td class=\"budget\">7 business days</td>", english, StringComparison.Ordinal);

        var edited = SlaPolicy(120).ToJsonString();
        var saved = await admin.PostAsync(path, [new("Definition", edited), new("Version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("?job=", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await admin.FollowAsync(saved);
        Assert.Contains("策略已保存为第 2 版", after, StringComparison.Ordinal);
        Assert.Contains("id=\"recompute\"", after, StringComparison.Ordinal);
        Assert.Contains("/api/v1/sla-recomputes/", after, StringComparison.Ordinal);
        var policy = (await Api.GetAsync($"/api/v1/sla-policies/{id}")).Json;
        Assert.Equal(2, policy["version"]!.GetValue<int>());
        Assert.Equal(120, policy["targets"]![0]!["minutes"]!.GetValue<int>());

        var bad = SlaPolicy(0);
        bad["calendarId"] = "nowhere";
        var refused = await admin.PostAsync(path, [new("Definition", bad.ToJsonString()), new("Version", "2")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">sla_policy.invalid<", html, StringComparison.Ordinal);
        Assert.Contains("<code>calendarId</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>targets[0].minutes</code>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);

        var stale = await admin.PostAsync(path, [new("Definition", SlaPolicy(60).ToJsonString()), new("Version", "1")]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("id=\"problem-code\">sla_policy.version_mismatch<", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var garbled = await admin.PostAsync(path, [new("Definition", "{ not json"), new("Version", "2")]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);

        policy = (await Api.GetAsync($"/api/v1/sla-policies/{id}")).Json;
        Assert.Equal(2, policy["version"]!.GetValue<int>());
        Assert.Equal(120, policy["targets"]![0]!["minutes"]!.GetValue<int>());
        Assert.Equal("cn", policy["calendarId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASkill_AQueueRequiringIt_AndAnAgentHoldingIt_MadeOnTheRoutingPage_AreSeenByTheApi_AndABadQueueWritesNothing()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (skill, queue, agent) = ("sk-" + suffix, "q-" + suffix, "agent." + suffix);

        var skillPage = await admin.FollowAsync(await admin.PostAsync("/admin/routing",
            [new("SkillId", skill), new("SkillName", "大家电"), new("RequiresCertificate", "true"), new("RequiresCertificate", "false")], "Skill"));
        Assert.Contains($"已保存技能 {skill}。", skillPage, StringComparison.Ordinal);
        var skillJson = (await Api.GetAsync($"/api/v1/skills/{skill}")).Json;
        Assert.Equal("大家电", skillJson["name"]!.GetValue<string>());
        Assert.True(skillJson["requiresCertificate"]!.GetValue<bool>());

        var queuePage = await admin.FollowAsync(await admin.PostAsync("/admin/routing", [
            new("QueueId", queue), new("QueueName", "投诉 大家电"), new("CaseTypes", "complaint"), new("ShopIds", "s1, s2"),
            new("RequiredSkill", skill), new("Precedence", "900000"), new("QueueActive", "true"), new("QueueActive", "false"),
        ], "Queue"));
        Assert.Contains($"已保存队列 {queue}。", queuePage, StringComparison.Ordinal);
        var queueJson = (await Api.GetAsync($"/api/v1/queues/{queue}")).Json;
        Assert.Equal(skill, queueJson["requiredSkill"]!.GetValue<string>());
        Assert.Equal(["complaint"], queueJson["caseTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["s1", "s2"], queueJson["shopIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(900000, queueJson["precedence"]!.GetValue<int>());
        Assert.True(queueJson["active"]!.GetValue<bool>());

        var agentPage = await admin.FollowAsync(await admin.PostAsync("/admin/routing", [
            new("AgentId", agent), new("AgentName", "客服 小李"), new("AgentSkills", skill), new("Capacity", "3"),
            new("AgentAvailable", "false"),
        ], "Agent"));
        Assert.Contains($"已保存客服 {agent}。", agentPage, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\"><code>{queue}</code></th>", agentPage, StringComparison.Ordinal);
        var agentJson = (await Api.GetAsync($"/api/v1/agents/{agent}")).Json;
        Assert.Equal([skill], agentJson["skills"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(3, agentJson["capacity"]!.GetValue<int>());
        Assert.False(agentJson["available"]!.GetValue<bool>());

        var edit = (await admin.GetAsync($"/admin/routing?queue={queue}")).Html;
        Assert.Contains($"value=\"{queue}\"", edit, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{skill}\" selected=\"selected\">", edit, StringComparison.Ordinal);

        var badQueue = "q-bad-" + suffix;
        var refused = await admin.PostAsync("/admin/routing?ui-culture=en-US&culture=en-US", [
            new("QueueId", badQueue), new("QueueName", "bad"), new("RequiredSkill", "no-such-skill"), new("Precedence", "10"),
        ], "Queue");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"problem-code\">routing.invalid<", html, StringComparison.Ordinal);
        Assert.Contains("<li>Required skill: an existing skill id, or null for any agent</li>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\">an existing skill id, or null for any agent</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{badQueue}\"", html, StringComparison.Ordinal);
        Assert.Equal(404, (await Api.GetAsync($"/api/v1/queues/{badQueue}")).StatusCode);
        Assert.DoesNotContain((await Api.GetAsync("/api/v1/queues")).Json.AsArray(), q => q!["queueId"]!.GetValue<string>() == badQueue);
    }
}

public sealed class AdminPagesTests_Sqlite(SqliteApp app) : AdminPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AdminPagesTests_Postgres(PostgresApp app) : AdminPagesTests(app), IClassFixture<PostgresApp>;
