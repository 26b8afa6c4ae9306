using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// A person in the web UI as the server sees a browser: cookies kept, redirects not followed, forms posted with the
/// anti-forgery token the page gave. For page tests that do not need a real browser (those live in AfterSales.BrowserTests).
/// </summary>
public sealed partial class WebSession(HttpClient browser)
{
    public HttpClient Http => browser;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    public static async Task<WebSession> SignInAsync(AfterSalesApp app, string userName, string password = Access.AccessClient.StrongPassword)
    {
        var session = new WebSession(app.CreateBrowserClient());
        var response = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>The anti-forgery token of the form on a page.</summary>
    public static string TokenIn(string html) =>
        FormToken().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("no form token in:\n" + html);

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await browser.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Posts a form to <paramref name="path"/> with the token of the page at <paramref name="formPage"/> (default: the same path).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, html) = await GetAsync(formPage ?? path.Split('?')[0]);
        fields["__RequestVerificationToken"] = TokenIn(html);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }
}
