using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Admin;

/// <summary>A signed-in browser for the admin pages: reads a form's anti-forgery token and posts forms, as a browser does.</summary>
public sealed class AdminBrowser(WebSession session)
{
    public HttpClient Http => session.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string TokenIn(string html) => WebSession.TokenIn(html);

    public static async Task<AdminBrowser> SignInAsync(AfterSalesApp app, string userName) => new(await WebSession.SignInAsync(app, userName));

    public static async Task<AdminBrowser> AdminAsync(AfterSalesApp app)
    {
        var name = Name("admin");
        await CreateUserAsync(app.Api, name, "platform_admin");
        return await SignInAsync(app, name);
    }

    public Task<(HttpStatusCode Status, string Html)> GetAsync(string path) => session.GetAsync(path);

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await Http.GetStringAsync(path, Ct);
        var all = fields.Append(new("__RequestVerificationToken", TokenIn(page)));
        var target = handler is null ? path : path + (path.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await Http.PostAsync(target, new FormUrlEncodedContent(all), Ct);
    }

    /// <summary>Follows a post/redirect/get answer to the page it names.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await Http.GetStringAsync(response.Headers.Location, Ct);
    }
}
