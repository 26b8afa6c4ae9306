using static AfterSales.IntegrationTests.Access.AccessClient;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.IntegrationTests.Access;

/// <summary>Managed integration keys: shown once, stored hashed, scoped by role, revocable at once, last use recorded.</summary>
public abstract class ApiKeyTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Keys = "/api/v1/api-keys";

    private async Task<(string KeyId, string Key)> CreateKeyAsync(string name, params string[] roles)
    {
        var response = await Api.PostAsync(Keys, new JsonObject
        {
            ["name"] = name, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]), ["shopIds"] = new JsonArray("shop-1"),
        });
        Assert.True(response.StatusCode == 201, response.ToString());
        return (response.Json["keyId"]!.GetValue<string>(), response.Json["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignInsAndKeyUse_AreInTheAuditLog_WhichStillVerifies()
    {
        var name = Name("agent");
        await CreateUserAsync(Api, name, "agent");
        Assert.Equal(401, (await TokenAsync(App, name, StrongPassword + "x")).StatusCode);
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);
        var (keyId, key) = await CreateKeyAsync("audited", "agent");
        Assert.Equal(200, (await As(App, key).GetAsync("/api/v1/queues")).StatusCode);
        Assert.Equal(200, (await As(App, key).GetAsync("/api/v1/queues")).StatusCode); // within the minute: not recorded again

        var entries = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("/api/v1/audit?limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.StatusCode == 200, page.ToString());
            entries.AddRange(page.Json["items"]!.AsArray().Select(e => e!));
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        var signIns = entries.Where(e => e["action"]!.GetValue<string>() == "auth.sign_in" && e["target"]?.GetValue<string>() == name)
            .Select(e => e["data"]!["outcome"]!.GetValue<string>()).ToList();
        Assert.Equal(["failed", "succeeded"], signIns);
        Assert.Single(entries, e => e["action"]!.GetValue<string>() == "api_key.used" && e["target"]?.GetValue<string>() == keyId);
        Assert.True((await Api.PostAsync("/api/v1/audit/verify", new JsonObject())).Json["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AKey_WorksInItsRole_UntilRevoked_ThenIs401AtOnce()
    {
        var (keyId, key) = await CreateKeyAsync("erp", "agent");
        var erp = As(App, key);
        Assert.Equal(200, (await erp.GetAsync("/api/v1/queues")).StatusCode);
        Problems.Assert(await erp.PutAsync("/api/v1/skills/x", new JsonObject { ["name"] = "x" }), 403, "auth.forbidden"); // agents read, not write

        Assert.Equal(204, (await Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Keys}/{keyId}"))).StatusCode);
        Problems.Assert(await erp.GetAsync("/api/v1/queues"), 401, "auth.required");
        Assert.Equal(204, (await Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Keys}/{keyId}"))).StatusCode);
        Problems.Assert(await Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Keys}/key_nope")), 404, "api_key.not_found");
        Problems.Assert(await As(App, "ask_" + new string('A', 43)).GetAsync("/api/v1/queues"), 401, "auth.required");
    }

    [Fact]
    public async Task TheList_NeverShowsTheKey_AndRecordsLastUse()
    {
        var (keyId, key) = await CreateKeyAsync("wms", "platform_admin");
        var before = (await Api.GetAsync(Keys)).Json.AsArray().Single(k => k!["keyId"]!.GetValue<string>() == keyId)!;
        Assert.Null(before["lastUsedAt"]?.GetValue<string>());

        Assert.Equal(200, (await As(App, key).GetAsync("/api/v1/cases?limit=1")).StatusCode);
        var list = await Api.GetAsync(Keys);
        Assert.DoesNotContain(key, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..], list.Body, StringComparison.Ordinal);
        var after = list.Json.AsArray().Single(k => k!["keyId"]!.GetValue<string>() == keyId)!;
        Assert.Equal("wms", after["name"]!.GetValue<string>());
        Assert.Equal("platform_admin", after["roles"]![0]!.GetValue<string>());
        Assert.NotNull(after["lastUsedAt"]?.GetValue<string>());
        // Stored as a hash: the key itself is in no column.
        var stored = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiKeys, k => k.KeyId == keyId));
        Assert.NotEqual(key, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
    }

    [Fact]
    public async Task AKeyIsShownOnce_EvenWithARepeatedIdempotencyKey_AndBadRequestsAre400()
    {
        var body = new JsonObject { ["name"] = "twice", ["roles"] = new JsonArray("merchant") };
        var first = await Api.PostAsync(Keys, body, idempotencyKey: "same-key");
        var second = await Api.PostAsync(Keys, body.DeepClone(), idempotencyKey: "same-key");
        Assert.Equal((201, 201), (first.StatusCode, second.StatusCode));
        Assert.NotEqual(first.Json["key"]!.GetValue<string>(), second.Json["key"]!.GetValue<string>());

        Problems.AssertFields(await Api.PostAsync(Keys, new JsonObject { ["roles"] = new JsonArray("wizard") }), "api_key.invalid", "name", "roles");
    }
}

public sealed class ApiKeyTests_Sqlite(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyTests_Postgres(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
