using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Access;

/// <summary>
/// Cookie sign-in for the web UI and anti-forgery (issue 5, scope 6): the form needs its token; a change to the API
/// made with the cookie alone needs the token in a header, so that another site cannot make a signed-in browser act.
/// </summary>
public abstract partial class CookieSignInTests(AfterSalesApp app) : ApiTests(app)
{
    private const string SignInPath = "/account/sign-in";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    private static string TokenIn(Regex pattern, string html) =>
        pattern.Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new Xunit.Sdk.XunitException("no token in the page:\n" + html);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields) =>
        await browser.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    private async Task<(HttpClient Browser, string Shop, string MerchantName)> MerchantAsync()
    {
        var shop = await Api.KnownShopAsync();
        var name = Name("merchant");
        var body = User(name, StrongPassword, "merchant");
        body["shopIds"] = new JsonArray(shop);
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
        return (App.CreateBrowserClient(), shop, name);
    }

    private static async Task<string> SignInAsync(HttpClient browser, string userName)
    {
        var form = await browser.GetStringAsync(SignInPath, TestContext.Current.CancellationToken);
        var response = await PostFormAsync(browser, SignInPath, new()
        {
            ["UserName"] = userName, ["Password"] = StrongPassword, ["__RequestVerificationToken"] = TokenIn(FormToken(), form),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AfterSales.Auth=", StringComparison.Ordinal));
        return TokenIn(MetaToken(), await browser.GetStringAsync(SignInPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSignInForm_IsRefusedWithoutItsToken_AndAWrongPasswordSaysSo_InTheRequestsLanguage()
    {
        var (browser, _, name) = await MerchantAsync();
        var noToken = await PostFormAsync(browser, SignInPath, new() { ["UserName"] = name, ["Password"] = StrongPassword });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.False(noToken.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("AfterSales.Auth=", StringComparison.Ordinal)));

        var form = await browser.GetStringAsync(SignInPath, TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"zh-CN\">", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">密码</label>", form, StringComparison.Ordinal);
        var wrong = await PostFormAsync(browser, SignInPath, new()
        {
            ["UserName"] = name, ["Password"] = StrongPassword + "x", ["__RequestVerificationToken"] = TokenIn(FormToken(), form),
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("用户名或密码错误。", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var english = await browser.GetStringAsync(SignInPath + "?culture=en-US&ui-culture=en-US", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en-US\">", english, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", english, StringComparison.Ordinal);
        Assert.Equal(401, (await new Api(browser).GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task WithTheCookie_TheApiReadsInScope_AndAChangeNeedsTheAntiforgeryHeader_UntilSignOut()
    {
        var (browser, shop, name) = await MerchantAsync();
        var mine = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var other = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(Samples.NewId("shop")), "return_refund"))["caseNo"]!.GetValue<string>();
        var token = await SignInAsync(browser, name);
        var api = new Api(browser);

        var list = await api.ListCasesAsync("limit=200");
        Assert.True(list.StatusCode == 200, list.ToString());
        Assert.Equal([mine], list.Json["items"]!.AsArray().Select(c => c!["caseNo"]!.GetValue<string>()));
        Problems.Assert(await api.GetCaseAsync(other), 404, "case.not_found");

        var message = new JsonObject { ["body"] = "已收到，正在核实。" };
        Problems.Assert(await api.PostAsync($"/api/v1/cases/{mine}/messages", message), 400, "auth.antiforgery_failed");
        Assert.Empty((await Api.GetAsync($"/api/v1/cases/{mine}/messages")).Json.AsArray());

        var request = Api.Json(HttpMethod.Post, $"/api/v1/cases/{mine}/messages", message, null, null);
        request.Headers.Add("RequestVerificationToken", token);
        var sent = await api.SendAsync(request);
        Assert.True(sent.StatusCode == 201, sent.ToString());
        Assert.Equal("merchant", sent.Json["role"]!.GetValue<string>());

        var signOut = await PostFormAsync(browser, "/account/sign-out", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(401, (await api.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task ABearerCaller_NeedsNoAntiforgeryToken()
    {
        var (_, shop, name) = await MerchantAsync();
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var merchant = await SignedInAsync(App, name);
        var sent = await merchant.PostAsync($"/api/v1/cases/{caseNo}/messages", new JsonObject { ["body"] = "ok" });
        Assert.True(sent.StatusCode == 201, sent.ToString());
    }
}

public sealed class CookieSignInTests_Sqlite(SqliteApp app) : CookieSignInTests(app), IClassFixture<SqliteApp>;

public sealed class CookieSignInTests_Postgres(PostgresApp app) : CookieSignInTests(app), IClassFixture<PostgresApp>;
