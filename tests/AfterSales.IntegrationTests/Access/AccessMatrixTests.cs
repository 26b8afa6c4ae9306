using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Access;

/// <summary>
/// The access matrix (issue 5): every endpoint the service maps, called as every role (and anonymously) against a
/// record inside the caller's scope (shop A, consumer A, a queue the agent works), one outside it (shop B) and one
/// that does not exist. A role without the endpoint gets 401/403 whatever the record; a role with it is not refused
/// on its own records; a record outside the caller's scope answers exactly as a missing one does (404, same code);
/// and no successful answer to a caller carries an identifier it may not see. An endpoint the service maps that is
/// not in <see cref="Matrix"/> fails the test: a new endpoint must say who may call it.
/// </summary>
public abstract partial class AccessMatrixTests(AfterSalesApp app) : FreshAppTests(app)
{
    /// <summary>Which records an endpoint names, and so which scope decides: none (role only), a case, an order, a shop's policy.</summary>
    public enum Scoped { No, Case, Order, ShopPolicy, Shop }

    private static readonly string[] Everyone = ["platform", "supervisor", "agent", "merchant", "consumer", "qa_inspector", "trainer", "provider_manager"];
    private static readonly string[] CaseRoles = ["platform", "supervisor", "agent", "merchant", "consumer"];
    private static readonly string[] OpenRoles = ["platform", "supervisor", "agent", "consumer"];
    private static readonly string[] StandardsReaders = ["platform", "supervisor", "agent", "merchant"];
    private static readonly string[] RoutingReaders = ["platform", "supervisor", "agent"];
    private static readonly string[] RoutingWriters = ["platform", "supervisor"];
    private static readonly string[] PlatformOnly = ["platform"];

    /// <summary>One row: who may call it (null: anyone, signed in or not), which scope decides, the body sent, the query string.</summary>
    public sealed record Rule(string[]? Roles, Scoped Scope = Scoped.No, Func<Target, HttpContent?>? Body = null, Func<Target, string>? Query = null);

    /// <summary>The records a request names: shop A's (inside), shop B's (outside) or nobody's (missing).</summary>
    public sealed record Target(string Name, string ShopId, string ConsumerId, string OrderNo, string CaseNo, string AttachmentId);

    private static Rule Public => new(null);

    private static Rule Only(string[] roles, Scoped scope = Scoped.No, Func<Target, HttpContent?>? body = null, Func<Target, string>? query = null) =>
        new(roles, scope, body, query);

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>A request that passes validation and reaches the order: too many pieces, so nothing is opened.</summary>
    private static HttpContent CaseRequest(Target t) =>
        Json(Samples.CaseRequest(t.OrderNo, "return_refund", "quality_issue", null, (1, 99)));

    private static HttpContent Png()
    {
        var file = new ByteArrayContent(Images.Png());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "probe.png" } };
    }

    /// <summary>Every endpoint the service maps, by method and route pattern.</summary>
    public static readonly IReadOnlyDictionary<string, Rule> Matrix = new Dictionary<string, Rule>
    {
        // Access
        ["POST /api/v1/users"] = Only(PlatformOnly),
        ["POST /api/v1/auth/token"] = Public,
        ["POST /api/v1/api-keys"] = Only(PlatformOnly),
        ["GET /api/v1/api-keys"] = Only(PlatformOnly),
        ["DELETE /api/v1/api-keys/{keyId}"] = Only(PlatformOnly),
        ["POST /api/v1/users/{userName}/lock"] = Only(PlatformOnly),
        ["POST /api/v1/users/{userName}/unlock"] = Only(PlatformOnly),
        ["POST /api/v1/users/{userName}/password"] = Only(PlatformOnly),
        // Orders
        ["PUT /api/v1/orders/{orderNo}"] = Only(PlatformOnly),
        ["GET /api/v1/orders/{orderNo}"] = Only(CaseRoles, Scoped.Order),
        ["POST /api/v1/eligibility"] = Only(CaseRoles, Scoped.Order, t => Json(Samples.CaseRequest(t.OrderNo, "return_refund", "quality_issue"))),
        // Cases
        ["POST /api/v1/cases"] = Only(OpenRoles, Scoped.Order, CaseRequest),
        ["GET /api/v1/cases"] = Only(CaseRoles),
        ["GET /api/v1/cases/{caseNo}"] = Only(CaseRoles, Scoped.Case),
        ["GET /api/v1/cases/{caseNo}/actions"] = Only(CaseRoles, Scoped.Case),
        ["POST /api/v1/cases/{caseNo}/actions/{action}"] = Only(CaseRoles, Scoped.Case), // refuse without a reason: never taken
        ["GET /api/v1/cases/{caseNo}/timeline"] = Only(CaseRoles, Scoped.Case),
        ["POST /api/v1/cases/{caseNo}/messages"] = Only(CaseRoles, Scoped.Case, _ => Json(new JsonObject { ["body"] = "access matrix probe" })),
        ["GET /api/v1/cases/{caseNo}/messages"] = Only(CaseRoles, Scoped.Case),
        ["POST /api/v1/cases/{caseNo}/attachments"] = Only(CaseRoles, Scoped.Case, _ => Png()),
        ["GET /api/v1/cases/{caseNo}/attachments"] = Only(CaseRoles, Scoped.Case),
        ["GET /api/v1/cases/{caseNo}/attachments/{attachmentId:guid}"] = Only(CaseRoles, Scoped.Case),
        // Rating: the owning consumer only (a valid body, so scope alone decides: the open case answers 409 case.not_rateable).
        ["POST /api/v1/cases/{caseNo}/rating"] = Only(["consumer"], Scoped.Case, _ => Json(new JsonObject { ["stars"] = 5 })),
        ["GET /api/v1/cases/{caseNo}/rating"] = Only(CaseRoles, Scoped.Case),
        ["POST /api/v1/refunds/{refundId:guid}/result"] = Only(PlatformOnly),
        // Policies
        ["GET /api/v1/policies"] = Only(StandardsReaders),
        // The effective policy of a shop holds the shop's override: scoped like the shop's own scope (issue 13).
        ["GET /api/v1/policies/effective"] = Only(CaseRoles, Scoped.ShopPolicy, query: t => "shopId=" + t.ShopId),
        ["GET /api/v1/policies/{scope}"] = Only(StandardsReaders, Scoped.ShopPolicy),
        ["GET /api/v1/policies/{scope}/versions"] = Only(StandardsReaders, Scoped.ShopPolicy),
        ["PUT /api/v1/policies/{scope}"] = Only(PlatformOnly),
        // Shops: staff read every shop, a merchant its own; the merchant and the platform write (a valid body: scope alone decides).
        ["GET /api/v1/shops/{shopId}"] = Only(StandardsReaders, Scoped.Shop),
        ["PUT /api/v1/shops/{shopId}"] = Only(["platform", "merchant"], Scoped.Shop, _ => Json(new JsonObject { ["name"] = "矩阵探针店" })),
        // Service standards
        ["GET /api/v1/sla-policies"] = Only(StandardsReaders),
        ["GET /api/v1/sla-policies/{policyId}"] = Only(StandardsReaders),
        ["PUT /api/v1/sla-policies/{policyId}"] = Only(PlatformOnly),
        ["GET /api/v1/sla-recomputes"] = Only(StandardsReaders),
        ["GET /api/v1/sla-recomputes/{jobId:long}"] = Only(StandardsReaders),
        ["GET /api/v1/calendars"] = Only(StandardsReaders),
        ["GET /api/v1/calendars/{calendarId}"] = Only(StandardsReaders),
        ["PUT /api/v1/calendars/{calendarId}"] = Only(PlatformOnly),
        ["GET /api/v1/calendars/{calendarId}/due"] = Only(StandardsReaders),
        ["GET /api/v1/calendars/{calendarId}/elapsed"] = Only(StandardsReaders),
        // Routing
        ["GET /api/v1/queues"] = Only(RoutingReaders),
        ["GET /api/v1/queues/{queueId}"] = Only(RoutingReaders),
        ["PUT /api/v1/queues/{queueId}"] = Only(RoutingWriters),
        ["GET /api/v1/skills"] = Only(RoutingReaders),
        ["GET /api/v1/skills/{skillId}"] = Only(RoutingReaders),
        ["PUT /api/v1/skills/{skillId}"] = Only(RoutingWriters),
        ["GET /api/v1/agents"] = Only(RoutingReaders),
        ["GET /api/v1/agents/{agentId}"] = Only(RoutingReaders),
        ["PUT /api/v1/agents/{agentId}"] = Only(RoutingWriters),
        // Webhooks
        ["POST /api/v1/webhooks"] = Only(PlatformOnly),
        ["GET /api/v1/webhooks"] = Only(PlatformOnly),
        ["GET /api/v1/webhooks/{webhookId:guid}"] = Only(PlatformOnly),
        ["DELETE /api/v1/webhooks/{webhookId:guid}"] = Only(PlatformOnly),
        ["POST /api/v1/webhooks/{webhookId:guid}/rotate-secret"] = Only(PlatformOnly),
        ["GET /api/v1/webhooks/{webhookId:guid}/deliveries"] = Only(PlatformOnly),
        ["POST /api/v1/webhooks/deliveries/{deliveryId:long}/redeliver"] = Only(PlatformOnly),
        // Audit, retention, export
        ["GET /api/v1/audit"] = Only(PlatformOnly),
        ["POST /api/v1/audit/verify"] = Only(PlatformOnly),
        ["GET /api/v1/cases/{caseNo}/retention"] = Only(PlatformOnly),
        ["GET /api/v1/retention/due"] = Only(PlatformOnly),
        ["GET /api/v1/cases/{caseNo}/export"] = Only(PlatformOnly),
        // Multipart only: a JSON body does not match the route at all (415 before any authentication).
        ["POST /api/v1/exports/verify"] = Only(PlatformOnly, body: _ => Png()),
        // The test clock (mapped only with AfterSales:Clock:Manual, as here)
        ["GET /api/v1/test-clock"] = Only(PlatformOnly),
        ["POST /api/v1/test-clock/advance"] = Only(PlatformOnly),
        // Operations and documentation: public, and they carry no business data
        ["* /health/live"] = Public,
        ["* /health/ready"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /docs/{documentName?}"] = Public,
        ["GET /docs/scalar.js"] = Public,
        ["GET /docs/scalar.aspnetcore.js"] = Public,
        ["GET /docs/favicon.svg"] = Public,
        // The web UI's pages: sign-in and sign-out are for everyone (their forms carry the anti-forgery token).
        ["* /account/sign-in"] = Public,
        ["* /account/sign-out"] = Public,
        ["* /"] = Public,
        ["* /language"] = Public,
        ["* /account/denied"] = Public,
        ["* /error/{code:int}"] = Public, // the HTML page of an empty error answer on a page (404, …); holds no data
        ["* /welcome"] = Public, // any signed-in person; says which workspaces are not built yet
        // Case pages of the web UI: each area's folder policy is the role gate, DataScope the scope (CasePagesTests).
        ["* /portal/cases/{caseNo}"] = Public,
        // The consumer portal's pages: the /Portal folder policy (role consumer) guards them, DataScope the orders (PortalPagesTests).
        ["* /portal"] = Public,
        ["* /portal/orders/{orderNo}"] = Public,
        ["* /shop/cases/{caseNo}"] = Public,
        ["* /desk/cases/{caseNo}"] = Public,
        // The admin pages: Pages/Admin is guarded by the folder policy ui.admin (platform_admin only; AdminPagesTests).
        ["* /admin"] = Public,
        ["* /admin/users"] = Public,
        ["* /admin/api-keys"] = Public,
        ["* /admin/webhooks"] = Public,
        ["* /admin/webhooks/{id:guid}"] = Public,
        ["* /admin/calendars"] = Public,
        ["* /admin/calendars/{id}"] = Public,
        ["* /admin/policies"] = Public,
        ["* /admin/sla"] = Public,
        ["* /admin/sla/{policyId}"] = Public,
        ["* /admin/routing"] = Public,
        ["* /admin/audit"] = Public,
        ["* /admin/shops"] = Public,
        // The supervisor dashboard: the Pages/Dashboard folder policy (ui.dashboard) admits supervisors and the platform
        // only; DashboardTests prove the guard (anonymous to sign-in, other roles to access denied).
        ["* /dashboard"] = Public,
        ["* /dashboard/cases"] = Public,
        ["* /dashboard/export"] = Public,
        // The workspaces' lists: the folder policy (ui.shop, ui.desk) is the role gate, DataScope the scope (…WorkspaceTests).
        ["* /shop"] = Public,
        ["* /shop/settings"] = Public, // the merchant's own shops (DataScope); ShopSettingsPagesTests
        ["* /desk"] = Public,
        // Search: [Authorize], and only inside the person's scope; outside reads as not found (SearchPageTests).
        ["* /search"] = Public,
    };


    [GeneratedRegex(@"\{(\w+)(:\w+)?\??\}")]
    private static partial Regex RouteParameter();

    private static string KeyOf(string method, RouteEndpoint e)
    {
        var pattern = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
        return $"{method} {pattern}";
    }

    private List<string> MappedEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => KeyOf(m, e)))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private sealed record Principal(string Role, Api Client, string[] Hidden);

    private sealed record World(Target A, Target B, Target Missing, Dictionary<string, Func<Target, string>> Values, List<Principal> People);

    /// <summary>
    /// Shop A and shop B, each with its consumer, an order, a case in its own queue (skill a / skill b) and an
    /// attachment; a policy override per shop; a person of every role (the merchant of shop A, consumer A, an agent
    /// with skill a only); a webhook and a spare key for the platform-only routes.
    /// </summary>
    private async Task<World> BuildAsync()
    {
        var now = await Api.ClockNowAsync();
        var run = Samples.NewId("m").ToLowerInvariant()[..10];
        foreach (var skill in new[] { "a", "b" })
        {
            Assert.Equal(201, (await Api.PutAsync($"/api/v1/skills/skill-{skill}-{run}", new JsonObject { ["name"] = "技能 " + skill })).StatusCode);
        }
        async Task<Target> ShopAsync(string name, int precedence)
        {
            var (shop, consumer, orderNo) = ($"shop-{name}-{run}", $"consumer-{name}-{run}", $"PD{name.ToUpperInvariant()}{run}");
            Assert.Equal(201, (await Api.PutAsync($"/api/v1/queues/q-{name}-{run}", new JsonObject
            {
                ["name"] = "队列 " + name, ["shopIds"] = new JsonArray(shop), ["requiredSkill"] = $"skill-{name}-{run}", ["precedence"] = precedence,
            })).StatusCode);
            Assert.Equal(201, (await Api.PutOrderAsync(orderNo, Samples.Order(shop, consumer, now))).StatusCode);
            var c = await Api.OpenCaseAsync(orderNo, "return_refund");
            Assert.Equal($"q-{name}-{run}", c["queue"]?.GetValue<string>());
            var caseNo = c["caseNo"]!.GetValue<string>();
            var upload = await Api.UploadAsync(caseNo, Images.Png(), "evidence.png", "image/png");
            Assert.True(upload.StatusCode == 201, upload.ToString());
            Assert.Equal(200, (await Api.PutAsync($"/api/v1/policies/shop:{shop}", new JsonObject { ["noReasonDays"] = 15 })).StatusCode);
            Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{shop}", new JsonObject { ["name"] = "店铺 " + name })).StatusCode);
            return new Target(name, shop, consumer, orderNo, caseNo, upload.Json["attachmentId"]!.GetValue<string>());
        }
        var a = await ShopAsync("a", 1);
        var b = await ShopAsync("b", 2);
        var missing = new Target("missing", $"shop-x-{run}", $"consumer-x-{run}", $"PDX{run}", "AS000000000000", Guid.NewGuid().ToString());

        var people = new List<Principal> { new("platform", Api, []) };
        string agentId = "";
        foreach (var role in Everyone.Skip(1))
        {
            var name = Name(role.Replace("_", ""));
            var body = User(name, StrongPassword, role);
            if (role == "merchant") body["shopIds"] = new JsonArray(a.ShopId);
            if (role == "consumer") body["consumerId"] = a.ConsumerId;
            var created = await Api.PostAsync("/api/v1/users", body);
            Assert.True(created.StatusCode == 201, created.ToString());
            if (role == "agent") agentId = created.Json["userId"]!.GetValue<string>();
            // What this person may not see in any answer: B's identifiers for the shop and consumer; B's case for the
            // agent (orders and shops are staff-readable); everything of A and B for roles without business data.
            string[] hidden = role switch
            {
                "supervisor" => [],
                "agent" => [b.CaseNo],
                "merchant" or "consumer" => [b.CaseNo, b.OrderNo, b.ShopId, b.ConsumerId],
                _ => [a.CaseNo, a.OrderNo, a.ShopId, a.ConsumerId, b.CaseNo, b.OrderNo, b.ShopId, b.ConsumerId],
            };
            people.Add(new Principal(role, await SignedInAsync(App, name), hidden));
        }
        Assert.Equal(201, (await Api.PutAsync($"/api/v1/agents/{agentId}", new JsonObject
        {
            ["name"] = "座席 A", ["skills"] = new JsonArray($"skill-a-{run}"), ["capacity"] = 5, ["available"] = false,
        })).StatusCode);
        var webhook = await Api.PostAsync("/api/v1/webhooks", new JsonObject
        {
            ["url"] = "https://hooks.example.com/hook", ["events"] = new JsonArray("case.created"), ["secret"] = "matrix-secret-0123456789",
        });
        Assert.True(webhook.StatusCode == 201, webhook.ToString());
        var key = await Api.PostAsync("/api/v1/api-keys", new JsonObject { ["name"] = "spare", ["roles"] = new JsonArray("agent") });
        Assert.True(key.StatusCode == 201, key.ToString());
        // The person the platform-only user actions (lock, unlock, password) act on: none of the principals above.
        var spare = Name("spare");
        await CreateUserAsync(Api, spare, "agent");

        var values = new Dictionary<string, Func<Target, string>>
        {
            ["caseNo"] = t => t.CaseNo, ["orderNo"] = t => t.OrderNo, ["attachmentId"] = t => t.AttachmentId,
            ["scope"] = t => "shop:" + t.ShopId, ["action"] = _ => "refuse", ["refundId"] = _ => Guid.NewGuid().ToString(),
            ["keyId"] = _ => key.Json["keyId"]!.GetValue<string>(), ["webhookId"] = _ => webhook.Json["webhookId"]!.GetValue<string>(),
            ["deliveryId"] = _ => "1", ["jobId"] = _ => "1", ["policyId"] = _ => "default", ["calendarId"] = _ => "cn",
            ["shopId"] = t => t.ShopId, ["queueId"] = _ => $"q-a-{run}", ["skillId"] = _ => $"skill-a-{run}", ["agentId"] = _ => agentId, ["documentName"] = _ => "v1",
            ["userName"] = _ => spare,
        };
        return new World(a, b, missing, values, people);
    }

    private static string PathOf(string pattern, Target t, World w) =>
        RouteParameter().Replace(pattern, m => w.Values[m.Groups[1].Value](t));

    private static async Task<ApiResponse> CallAsync(Api client, string key, Rule rule, Target t, World w)
    {
        var (method, pattern) = (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);
        var path = PathOf(pattern, t, w) + (rule.Query is { } query ? "?" + query(t) : "");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = rule.Body?.Invoke(t) ?? (method is "POST" or "PUT" ? Json(new JsonObject()) : null);
        return await client.SendAsync(request);
    }

    /// <summary>Whether the person sees shop B's record of this kind (the platform and supervisors everything; agents every order and shop).</summary>
    private static bool SeesOutside(string role, Scoped scope) => role is "platform" or "supervisor"
        || (role == "agent" && scope is Scoped.Order or Scoped.ShopPolicy or Scoped.Shop);

    /// <summary>Whether the person sees shop A's record of this kind: all its own, but a consumer sees no shop-level data (<c>DataScope.SeesShop</c>).</summary>
    private static bool SeesInside(string role, Scoped scope) => !(role == "consumer" && scope is Scoped.ShopPolicy);

    [Fact]
    public async Task EveryEndpoint_AsEveryRole_InsideAndOutsideItsScope_LeaksNothing()
    {
        var w = await BuildAsync();
        var anonymous = new Api(App.CreateAnonymousClient());
        var failures = new List<string>();
        foreach (var key in MappedEndpoints().Where(k => Matrix.TryGetValue(k, out var r) && r.Roles is not null))
        {
            var rule = Matrix[key];
            var unsigned = await CallAsync(anonymous, key, rule, w.A, w);
            if (unsigned.StatusCode != 401) failures.Add($"{key} anonymous: {unsigned.StatusCode}, expected 401");
            foreach (var p in w.People)
            {
                var inside = await CallAsync(p.Client, key, rule, w.A, w);
                var answers = new List<ApiResponse> { inside };
                if (!rule.Roles!.Contains(p.Role))
                {
                    if (inside.StatusCode != 403 || inside.Code != "auth.forbidden") failures.Add($"{key} as {p.Role}: {inside}, expected 403 auth.forbidden");
                }
                else
                {
                    if (inside.StatusCode == 401 || inside.Code == "auth.forbidden"
                        || (rule.Scope != Scoped.No && SeesInside(p.Role, rule.Scope) && inside.StatusCode == 404))
                        failures.Add($"{key} as {p.Role} on its own record: {inside}");
                    if (rule.Scope != Scoped.No)
                    {
                        var outside = await CallAsync(p.Client, key, rule, w.B, w);
                        var missing = await CallAsync(p.Client, key, rule, w.Missing, w);
                        answers.Add(outside);
                        if (!SeesInside(p.Role, rule.Scope)
                            && (inside.StatusCode != 404 || (inside.StatusCode, inside.Code) != (missing.StatusCode, missing.Code)))
                            failures.Add($"{key} as {p.Role} on shop A's record, outside its scope: {inside}; a missing record: {missing}");
                        if (SeesOutside(p.Role, rule.Scope))
                        {
                            if (outside.StatusCode is 401 or 403 or 404 && outside.Code is not "case.role_not_allowed")
                                failures.Add($"{key} as {p.Role} on shop B's record: {outside}");
                        }
                        else if (outside.StatusCode != 404 || (outside.StatusCode, outside.Code) != (missing.StatusCode, missing.Code))
                        {
                            failures.Add($"{key} as {p.Role} outside its scope: {outside}; a missing record: {missing}");
                        }
                    }
                }
                foreach (var answer in answers.Where(r => r.StatusCode is >= 200 and < 300))
                    foreach (var secret in p.Hidden.Where(h => answer.Body.Contains(h, StringComparison.Ordinal)))
                        failures.Add($"{key} as {p.Role}: the answer holds {secret}, outside its scope");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} access failures:\n" + string.Join("\n", failures));

        // The scoped lists hold what is inside: each person's list of cases has shop A's case.
        foreach (var p in w.People.Where(p => p.Role is "merchant" or "consumer" or "agent" or "supervisor" or "platform"))
        {
            var list = await p.Client.ListCasesAsync("limit=200");
            Assert.True(list.StatusCode == 200, list.ToString());
            var caseNos = list.Json["items"]!.AsArray().Select(c => c!["caseNo"]!.GetValue<string>()).ToList();
            Assert.Contains(w.A.CaseNo, caseNos);
            Assert.Equal(SeesOutside(p.Role, Scoped.Case), caseNos.Contains(w.B.CaseNo));
        }
    }

    [Fact]
    public void EveryMappedEndpoint_IsInTheMatrix_AndTheMatrixNamesNoEndpointThatIsGone()
    {
        var mapped = MappedEndpoints();
        var missing = mapped.Where(k => !Matrix.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints not in the access matrix (say who may call them): " + string.Join(", ", missing));
        var gone = Matrix.Keys.Where(k => !mapped.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "Matrix rows for endpoints the service no longer maps: " + string.Join(", ", gone));
    }
}

public sealed class AccessMatrixTests_Sqlite() : AccessMatrixTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class AccessMatrixTests_Postgres() : AccessMatrixTests(new PostgresApp { Settings = ClockSettings.Manual() });
