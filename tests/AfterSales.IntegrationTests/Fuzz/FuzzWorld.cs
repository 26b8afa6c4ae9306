using System.Net.Http.Headers;
using AfterSales.IntegrationTests.Access;
using AfterSales.Web.Modules.Demo.Contracts;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// What the fuzzer needs from the running service: its OpenAPI document, a credential per role, and real ids by
/// field name (harvested from the demo data through the API) so that part of the requests get past 404 into the
/// handlers. People whose credentials the run uses are never the target of user actions (lock, password): those
/// get spare users made here, and the keys a request may revoke are spare keys made here.
/// </summary>
public sealed class FuzzWorld
{
    /// <summary>Who sends a request: the bootstrap API key (platform), demo people by role, nobody, and a bogus bearer.</summary>
    public static readonly string[] Principals = ["platform", "merchant", "consumer", "agent", "supervisor", "anonymous", "bogus"];

    private static readonly Dictionary<string, string> DemoPeople = new()
    {
        ["merchant"] = "anna", ["consumer"] = "wangfang", ["agent"] = "sunli", ["supervisor"] = "maqiang",
    };

    private FuzzWorld(ApiDescription api, Dictionary<string, string?> bearers, Dictionary<string, string[]> pools)
    {
        Api = api;
        Bearers = bearers;
        Pools = pools;
    }

    public ApiDescription Api { get; }

    /// <summary>The bearer each principal sends (none for anonymous).</summary>
    public IReadOnlyDictionary<string, string?> Bearers { get; }

    /// <summary>Real values by lower-case field name (<c>caseno</c>, <c>shopid</c>, <c>scope</c>, …).</summary>
    public IReadOnlyDictionary<string, string[]> Pools { get; }

    public string[] Pool(string field) => Pools.TryGetValue(field.ToLowerInvariant(), out var values) ? values : [];

    public static async Task<FuzzWorld> BuildAsync(AfterSalesApp app)
    {
        var admin = app.Api;
        var doc = await admin.GetAsync("/openapi/v1.json");
        Assert.True(doc.StatusCode == 200, doc.ToString());
        var api = new ApiDescription(doc.Json.AsObject());

        var bearers = new Dictionary<string, string?> { ["platform"] = AfterSalesApp.ApiKey, ["anonymous"] = null, ["bogus"] = "not-a-key-" + new string('z', 40) };
        foreach (var (role, userName) in DemoPeople)
        {
            var token = await AccessClient.TokenAsync(app, userName, DemoUsers.Password);
            Assert.True(token.StatusCode == 200, $"{userName}: {token}");
            bearers[role] = token.Json["accessToken"]!.GetValue<string>();
        }

        var pools = new Dictionary<string, HashSet<string>>();
        void Add(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var key = field.ToLowerInvariant();
            if (!pools.TryGetValue(key, out var set)) pools[key] = set = [];
            if (set.Count < 40) set.Add(value);
        }
        void Harvest(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        if (value is JsonValue v && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("No", StringComparison.Ordinal) || name is "scope" or "code"))
                            Add(name, v.ToString());
                        else if (value is JsonArray ids && name.EndsWith("Ids", StringComparison.Ordinal))
                            foreach (var id in ids.OfType<JsonValue>()) Add(name[..^1], id.ToString());
                        else Harvest(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) Harvest(item);
                    break;
            }
        }

        // Spare keys: what a fuzzed request may revoke without cutting off the principals above.
        for (var i = 0; i < 2; i++)
        {
            var key = await admin.PostAsync("/api/v1/api-keys", new JsonObject { ["name"] = "fuzz spare " + i, ["roles"] = new JsonArray("agent") });
            Assert.True(key.StatusCode == 201, key.ToString());
            Add("keyId", key.Json["keyId"]!.GetValue<string>());
        }
        var webhook = await admin.PostAsync("/api/v1/webhooks", new JsonObject
        {
            ["url"] = "https://hooks.example.com/fuzz", ["events"] = new JsonArray("case.created"), ["secret"] = "fuzz-secret-0123456789abcdef",
        });
        Assert.True(webhook.StatusCode == 201, webhook.ToString());

        // Every list the document offers without a path parameter, then a few records in full (refunds, attachments).
        foreach (var op in api.Operations.Where(o => o.Method == "GET" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var list = await admin.GetAsync(op.Path + (op.Parameters.Any(p => p.Name == "limit") ? "?limit=100" : ""));
            if (list.StatusCode == 200 && list.MediaType?.Contains("json", StringComparison.Ordinal) == true) Harvest(list.Json);
        }
        foreach (var caseNo in (pools.GetValueOrDefault("caseno") ?? []).Take(25).ToList())
        {
            foreach (var part in new[] { "", "/attachments" })
            {
                var record = await admin.GetAsync($"/api/v1/cases/{caseNo}{part}");
                if (record.StatusCode == 200) Harvest(record.Json);
            }
        }
        // The people whose credentials this run uses are never targets of user actions (the spares are).
        pools.Remove("username");
        var spareUsers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var name = AccessClient.Name("fuzzspare");
            await AccessClient.CreateUserAsync(admin, name, "agent");
            spareUsers.Add(name);
        }
        pools["username"] = [.. spareUsers];
        return new FuzzWorld(api, bearers, pools.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray()));
    }

    /// <summary>An HTTP client of the service for one principal, without the test helpers' own 5xx assertion.</summary>
    public HttpClient ClientFor(AfterSalesApp app, string principal)
    {
        var client = app.CreateAnonymousClient();
        if (Bearers[principal] is { } bearer) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
