using System.Net.Http.Headers;

namespace AfterSales.IntegrationTests.Access;

/// <summary>Users, tokens and keys over the public API, for the access tests.</summary>
public static class AccessClient
{
    public const string StrongPassword = "Str0ng!Passw0rd";

    public static JsonObject User(string userName, string password = StrongPassword, params string[] roles) => new()
    {
        ["userName"] = userName,
        ["password"] = password,
        ["displayName"] = "测试 " + userName,
        ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]),
    };

    public static async Task<string> CreateUserAsync(Api admin, string userName, params string[] roles)
    {
        var response = await admin.PostAsync("/api/v1/users", User(userName, StrongPassword, roles));
        Assert.True(response.StatusCode == 201, response.ToString());
        return response.Json["userId"]!.GetValue<string>();
    }

    /// <summary>A sign-in from a client at an address of its own (a new one each call).</summary>
    public static Task<ApiResponse> TokenAsync(AfterSalesApp app, string userName, string password) =>
        new Api(app.CreateAnonymousClient()).PostAsync("/api/v1/auth/token", new JsonObject { ["userName"] = userName, ["password"] = password });

    /// <summary>A client that sends <paramref name="bearer"/> (a token or a key).</summary>
    public static Api As(AfterSalesApp app, string bearer)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return new Api(client);
    }

    public static async Task<Api> SignedInAsync(AfterSalesApp app, string userName)
    {
        var token = await TokenAsync(app, userName, StrongPassword);
        Assert.True(token.StatusCode == 200, token.ToString());
        return As(app, token.Json["accessToken"]!.GetValue<string>());
    }

    public static string Name(string prefix) => Samples.NewId(prefix).ToLowerInvariant();
}
