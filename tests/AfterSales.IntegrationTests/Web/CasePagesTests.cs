using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The case page each role works on (/portal, /shop, /desk): it offers exactly the actions the API offers this
/// person, a refused action is explained next to its form and changes nothing, a taken one moves the case, and a
/// case outside the person's scope is not found.
/// </summary>
public abstract partial class CasePagesTests(AfterSalesApp app) : ApiTests(app)
{
    [GeneratedRegex("name=\"action\" value=\"([a-z-]+)\"")]
    private static partial Regex OfferedAction();

    private sealed record World(string CaseNo, string Merchant, string OtherMerchant, string Consumer, string Agent);

    /// <param name="prepareShop">Runs for the new shop before the case opens (a queue that routes it).</param>
    private async Task<World> WorldAsync(Func<string, Task>? prepareShop = null)
    {
        var (shop, consumerId) = (Samples.NewId("shop"), Samples.NewId("c"));
        if (prepareShop is not null) await prepareShop(shop);
        var orderNo = Samples.NewId("PD");
        Assert.Equal(201, (await Api.PutOrderAsync(orderNo, Samples.Order(shop, consumerId))).StatusCode);
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        async Task<string> UserAsync(string role, Action<JsonObject>? more = null)
        {
            var name = Name(role);
            var body = User(name, StrongPassword, role);
            more?.Invoke(body);
            var created = await Api.PostAsync("/api/v1/users", body);
            Assert.True(created.StatusCode == 201, created.ToString());
            return name;
        }
        var strangerShop = await Api.KnownShopAsync(); // staff are only given shops the platform knows
        return new World(caseNo,
            await UserAsync("merchant", b => b["shopIds"] = new JsonArray(shop)),
            await UserAsync("merchant", b => b["shopIds"] = new JsonArray(strangerShop)),
            await UserAsync("consumer", b => b["consumerId"] = consumerId),
            await UserAsync("agent"));
    }

    private static List<string> Offered(string html) => OfferedAction().Matches(html).Select(m => m.Groups[1].Value).Order().ToList();

    [Fact]
    public async Task TheMerchantsPage_OffersWhatTheApiOffers_ExplainsARefusal_AndTakesAnAction()
    {
        var w = await WorldAsync();
        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        var page = $"/shop/cases/{w.CaseNo}";
        var (status, html) = await merchant.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var api = (await new Api(merchant.Http).ActionsAsync(w.CaseNo)).Select(a => a["action"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(api, Offered(html));
        Assert.Contains("agree", api);

        var refused = await merchant.PostFormAsync(page + "?handler=Act", new() { ["action"] = "refuse", ["version"] = "1", ["Form.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var explained = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("role=\"alert\"", explained, StringComparison.Ordinal);
        Assert.Contains("操作未成功", explained, StringComparison.Ordinal);
        Assert.Equal("requested", (await Api.CaseAsync(w.CaseNo))["status"]!.GetValue<string>());

        var agreed = await merchant.PostFormAsync(page + "?handler=Act", new() { ["action"] = "agree", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var after = (await merchant.GetAsync(page)).Html;
        Assert.Contains("已同意申请。", after, StringComparison.Ordinal);
        Assert.Contains("待寄回", after, StringComparison.Ordinal);
        Assert.Equal("awaiting_return", (await Api.CaseAsync(w.CaseNo))["status"]!.GetValue<string>());

        // The page's version is the If-Match: a form from before the change is refused, not applied twice.
        var stale = await merchant.PostFormAsync(page + "?handler=Act", new() { ["action"] = "agree", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
    }

    [Fact]
    public async Task EachRoleSeesTheCaseInItsOwnArea_OnlyInScope()
    {
        var w = await WorldAsync();
        var other = await WebSession.SignInAsync(App, w.OtherMerchant);
        var (hidden, page) = await other.GetAsync($"/shop/cases/{w.CaseNo}");
        Assert.Equal(HttpStatusCode.NotFound, hidden);
        // A page, in the person's language, saying nothing of the case: not problem+json.
        Assert.Contains("<h1>未找到</h1>", page, StringComparison.Ordinal);

        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        var (status, html) = await consumer.GetAsync($"/portal/cases/{w.CaseNo}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["cancel"], Offered(html));
        Assert.DoesNotContain("Message.Internal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"isInternal\"", html, StringComparison.Ordinal);

        using var denied = await consumer.Http.GetAsync($"/shop/cases/{w.CaseNo}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var anonymous = await App.CreateBrowserClient().GetAsync($"/desk/cases/{w.CaseNo}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInternalNote_IsShownToStaff_NeverToTheConsumer()
    {
        var w = await WorldAsync();
        var agent = await WebSession.SignInAsync(App, w.Agent);
        var page = $"/desk/cases/{w.CaseNo}";
        var note = await agent.PostFormAsync(page + "?handler=Message", new() { ["body"] = "内部：核实物流", ["isInternal"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        var reply = await agent.PostFormAsync(page + "?handler=Message", new() { ["body"] = "您好，已为您加急处理。" });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("内部：核实物流", (await agent.GetAsync(page)).Html, StringComparison.Ordinal);

        var consumer = (await (await WebSession.SignInAsync(App, w.Consumer)).GetAsync($"/portal/cases/{w.CaseNo}")).Html;
        Assert.Contains("您好，已为您加急处理。", consumer, StringComparison.Ordinal);
        Assert.DoesNotContain("内部：核实物流", consumer, StringComparison.Ordinal);
    }
}

public sealed class CasePagesTests_Sqlite(SqliteApp app) : CasePagesTests(app), IClassFixture<SqliteApp>;

public sealed class CasePagesTests_Postgres(PostgresApp app) : CasePagesTests(app), IClassFixture<PostgresApp>;
