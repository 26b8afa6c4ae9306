using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Admin;

/// <summary>A signed-in browser for the admin pages: reads a form's anti-forgery token and posts forms, as a browser does.</summary>
public sealed partial class AdminBrowser(HttpClient http)
{
    public HttpClient Http => http;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string TokenIn(string html) =>
        FormToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("no form token in:\n" + html);

    /// <summary>Signs in with the cookie form; the person must exist with <see cref="StrongPassword"/>.</summary>
    public static async Task<AdminBrowser> SignInAsync(AfterSalesApp app, string userName)
    {
        var browser = app.CreateBrowserClient();
        var form = await browser.GetStringAsync("/account/sign-in", Ct);
        var response = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = StrongPassword, ["__RequestVerificationToken"] = TokenIn(form),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new AdminBrowser(browser);
    }

    /// <summary>A platform admin, created through the API and signed in with the cookie.</summary>
    public static async Task<AdminBrowser> AdminAsync(AfterSalesApp app)
    {
        var name = Name("admin");
        await CreateUserAsync(app.Api, name, "platform_admin");
        return await SignInAsync(app, name);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await http.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> (its token read from the page first) and answers the response.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await http.GetStringAsync(path, Ct);
        var all = fields.Append(new("__RequestVerificationToken", TokenIn(page)));
        var target = handler is null ? path : path + (path.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await http.PostAsync(target, new FormUrlEncodedContent(all), Ct);
    }

    /// <summary>Follows a post/redirect/get answer to the page it names.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await http.GetStringAsync(response.Headers.Location, Ct);
    }
}
