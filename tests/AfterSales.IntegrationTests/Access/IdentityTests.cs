using AfterSales.Web.Modules.Access.Features;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Access;

/// <summary>Issue 5, scope 1: people created by the platform admin sign in for a bearer token that authenticates API calls.</summary>
public abstract class IdentityTests(AfterSalesApp app) : ApiTests(app)
{
    [Fact]
    public async Task AUserCreatedByTheBootstrapKey_GetsAToken_ThatAuthenticatesApiCalls()
    {
        var name = Name("agent");
        var userId = await CreateUserAsync(Api, name, "agent");
        var token = await TokenAsync(App, name, StrongPassword);

        Assert.True(token.StatusCode == 200, token.ToString());
        Assert.True(DateTimeOffset.Parse(token.Json["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(30));
        var agent = As(App, token.Json["accessToken"]!.GetValue<string>());
        Assert.Equal(200, (await agent.GetAsync("/api/v1/queues")).StatusCode); // agents may read queues
        Assert.Equal(200, (await agent.GetAsync("/api/v1/cases?limit=1")).StatusCode);
        // The token acts as this user: a case message is recorded with the user id as its author.
        var orderNo = await Api.CreateOrderAsync();
        var c = await Api.OpenCaseAsync(orderNo, "complaint", "other");
        var message = await agent.PostAsync($"/api/v1/cases/{c["caseNo"]}/messages", new JsonObject { ["body"] = "您好，我们来处理。", ["internal"] = false });
        Assert.True(message.StatusCode is 200 or 201, message.ToString());
        Assert.Contains(userId, message.Body, StringComparison.Ordinal);

        Problems.Assert(await As(App, token.Json["accessToken"]!.GetValue<string>()[..^4] + "AAAA").GetAsync("/api/v1/queues"), 401, "auth.required");
    }

    [Fact]
    public async Task AWrongPasswordOrUnknownUser_Is401InvalidCredentials()
    {
        var name = Name("consumer");
        await CreateUserAsync(Api, name, "consumer");

        Problems.Assert(await TokenAsync(App, name, StrongPassword + "x"), 401, "auth.invalid_credentials");
        Problems.Assert(await TokenAsync(App, Name("nobody"), StrongPassword), 401, "auth.invalid_credentials");
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task OnlyThePlatformAdmin_CreatesUsers()
    {
        var agentName = Name("agent");
        await CreateUserAsync(Api, agentName, "agent", "supervisor");
        var agent = await SignedInAsync(App, agentName);
        Problems.Assert(await agent.PostAsync("/api/v1/users", User(Name("x"), StrongPassword, "agent")), 403, "auth.forbidden");
        Problems.Assert(await agent.PostAsync("/api/v1/api-keys", new JsonObject { ["name"] = "x", ["roles"] = new JsonArray("agent") }), 403, "auth.forbidden");
        Problems.Assert(await new Api(App.CreateAnonymousClient()).PostAsync("/api/v1/users", User(Name("x"), StrongPassword, "agent")), 401, "auth.required");

        var adminName = Name("admin");
        await CreateUserAsync(Api, adminName, "platform_admin");
        var admin = await SignedInAsync(App, adminName);
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", User(Name("merchant"), StrongPassword, "merchant"))).StatusCode);
    }

    [Fact]
    public async Task AWeakPassword_Is400WithIdentitysRules_AndNothingIsCreated()
    {
        var name = Name("weak");
        var response = await Api.PostAsync("/api/v1/users", User(name, "short", "agent", "wizard"));

        var errors = Problems.AssertFields(response, "user.invalid", "password", "roles");
        var password = errors["password"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        // zh-CN by default, en-US when asked: Identity's rules in the request's language.
        Assert.Contains("至少 10 个字符", password);
        Assert.Contains("至少一个数字（0-9）", password);
        Assert.Contains("至少一个大写字母（A-Z）", password);
        Assert.Contains("wizard", errors["roles"]!.ToJsonString(), StringComparison.Ordinal);
        var english = Api.Json(HttpMethod.Post, "/api/v1/users", User(name, "short", "agent"), null, null);
        english.Headers.AcceptLanguage.ParseAdd("en-US");
        var inEnglish = Problems.AssertFields(await Api.SendAsync(english), "user.invalid", "password")["password"]!.AsArray()
            .Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains("at least 10 characters", inEnglish);
        Assert.Contains("at least one uppercase letter (A-Z)", inEnglish);
        Problems.Assert(await TokenAsync(App, name, "short"), 401, "auth.invalid_credentials");
    }

    [Fact]
    public async Task ATakenUserName_Is409()
    {
        var name = Name("dup");
        await CreateUserAsync(Api, name, "agent");
        Problems.Assert(await Api.PostAsync("/api/v1/users", User(name.ToUpperInvariant(), StrongPassword, "trainer")), 409, "user.name_taken");
    }

    [Fact]
    public async Task RolesTheCaseModuleDoesNotKnow_HaveNoCasePermissions()
    {
        var name = Name("qa");
        await CreateUserAsync(Api, name, "qa_inspector");
        var qa = await SignedInAsync(App, name);

        // Reading stays open to every signed-in principal until the scoping step; acting as a case role does not.
        var c = await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "complaint", "other");
        Problems.Assert(await qa.ActAsync(c["caseNo"]!.GetValue<string>(), "close"), 403, "auth.forbidden");
        Problems.Assert(await qa.PostAsync($"/api/v1/cases/{c["caseNo"]}/messages", new JsonObject { ["body"] = "抽检", ["internal"] = true }), 403, "auth.forbidden");
        Problems.Assert(await qa.GetAsync($"/api/v1/cases/{c["caseNo"]}/actions"), 403, "auth.forbidden");
        Problems.Assert(await qa.GetAsync("/api/v1/queues"), 403, "auth.forbidden");
    }

    [Fact]
    public async Task CreateAdmin_MakesAPlatformAdminWhosePasswordWorks()
    {
        var name = Name("root");
        var (code, output, error) = await RunAsync(AccessCommands.CreateAdmin, "--user", name, "--password", StrongPassword);
        Assert.True(code == 0, error);
        Assert.Contains(name, output, StringComparison.Ordinal);

        var admin = await SignedInAsync(App, name);
        Assert.Equal(201, (await admin.PostAsync("/api/v1/users", User(Name("agent"), StrongPassword, "agent"))).StatusCode);
        Assert.Equal(3, (await RunAsync(AccessCommands.CreateAdmin, "--user", name, "--password", StrongPassword)).Code);
        var weak = await RunAsync(AccessCommands.CreateAdmin, "--user", Name("root"), "--password", "weak");
        Assert.Equal(3, weak.Code);
        Assert.Matches("at least 10 characters|至少 10 个字符", weak.Error); // the CLI speaks the machine's language
        Assert.Equal(2, (await RunAsync(AccessCommands.CreateAdmin, "--user", name)).Code);
    }

    [Fact]
    public async Task CreateKey_PrintsAKeyOnceThatWorks()
    {
        var (code, output, error) = await RunAsync(AccessCommands.CreateKey, "--name", "erp", "--role", "agent", "--shop", "shop-1");
        Assert.True(code == 0, error);
        var key = output.Trim().Split('\n')[^1].Trim();

        Assert.StartsWith("ask_", key, StringComparison.Ordinal);
        Assert.Equal(200, (await As(App, key).GetAsync("/api/v1/queues")).StatusCode);
        Assert.DoesNotContain(key, (await Api.GetAsync("/api/v1/api-keys")).Body, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync(AccessCommands.CreateKey, "--name", "erp", "--role", "wizard")).Code);
    }

    [Fact]
    public async Task TheOpenApiDocument_DeclaresTheBearerScheme_AndTheAccessEndpoints()
    {
        var doc = (await new Api(App.CreateAnonymousClient()).GetAsync("/openapi/v1.json")).Json;
        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        foreach (var path in new[] { "/api/v1/users", "/api/v1/auth/token", "/api/v1/api-keys", "/api/v1/api-keys/{keyId}" })
            Assert.True(doc["paths"]!.AsObject().ContainsKey(path), path);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string verb, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AccessCommands.RunAsync(verb, [.. args, "--provider", App.Engine, "--connection", App.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }
}

public sealed class IdentityTests_Sqlite(SqliteApp app) : IdentityTests(app), IClassFixture<SqliteApp>;

public sealed class IdentityTests_Postgres(PostgresApp app) : IdentityTests(app), IClassFixture<PostgresApp>;
