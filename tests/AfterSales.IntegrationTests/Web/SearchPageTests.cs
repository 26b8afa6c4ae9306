using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>The top bar's search: one case in scope opens in the person's area, an order's cases are listed, anything else is not found.</summary>
public abstract class SearchPageTests(AfterSalesApp app) : ApiTests(app)
{
    private async Task<string> MerchantAsync(string shop)
    {
        var name = Name("merchant");
        var body = User(name, StrongPassword, "merchant");
        body["shopIds"] = new JsonArray(shop);
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
        return name;
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Html)> SearchAsync(WebSession who, string q)
    {
        using var response = await who.Http.GetAsync("/search?q=" + Uri.EscapeDataString(q), TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ACaseInScope_Opens_AnOrdersCasesAreListed_AndOutsideIsNotFound()
    {
        var shop = Samples.NewId("shop");
        var orderNo = await Api.CreateOrderAsync(shop);
        var phone = (await Api.OpenCaseAsync(orderNo, "return_refund", "quality_issue", null, (1, 1)))["caseNo"]!.GetValue<string>();
        var cover = (await Api.OpenCaseAsync(orderNo, "refund_only", "quality_issue", null, (2, 1)))["caseNo"]!.GetValue<string>();
        var foreignOrder = await Api.CreateOrderAsync(Samples.NewId("shop"));
        var foreign = (await Api.OpenCaseAsync(foreignOrder, "return_refund"))["caseNo"]!.GetValue<string>();
        var merchant = await WebSession.SignInAsync(App, await MerchantAsync(shop));

        var one = await SearchAsync(merchant, phone);
        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.Equal($"/shop/cases/{phone}", one.Location);

        var order = await SearchAsync(merchant, orderNo);
        Assert.Equal(HttpStatusCode.OK, order.Status);
        Assert.Contains($"href=\"/shop/cases/{phone}\"", order.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/shop/cases/{cover}\"", order.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(shop, VisibleText.Of(order.Html), StringComparison.Ordinal); // one shop's staff know whose cases these are

        // Staff across shops get a shop column: the name first (IShopNames; the id until shops are named), the id in its title.
        var supervisorName = Name("supervisor");
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", User(supervisorName, StrongPassword, "supervisor"))).StatusCode);
        var listed = await SearchAsync(await WebSession.SignInAsync(App, supervisorName), orderNo);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains("<th scope=\"col\">店铺</th>", listed.Html, StringComparison.Ordinal);
        Assert.Contains($"<td title=\"{shop}\">", listed.Html, StringComparison.Ordinal);

        // Another shop's case and order read exactly like numbers that do not exist.
        foreach (var q in new[] { foreign, foreignOrder, "AS-NO-SUCH-CASE" })
        {
            var miss = await SearchAsync(merchant, q);
            Assert.Equal(HttpStatusCode.OK, miss.Status);
            Assert.Contains("没有找到您可查看的售后单或订单", miss.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("/cases/", miss.Html.Replace("/shop/cases/" + q, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var agentName = Name("agent");
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", User(agentName, StrongPassword, "agent"))).StatusCode);
        var agent = await SearchAsync(await WebSession.SignInAsync(App, agentName), foreign);
        Assert.Equal(HttpStatusCode.Redirect, agent.Status);
        Assert.Equal($"/desk/cases/{foreign}", agent.Location);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var response = await App.CreateBrowserClient().GetAsync("/search?q=x", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class SearchPageTests_Sqlite(SqliteApp app) : SearchPageTests(app), IClassFixture<SqliteApp>;

public sealed class SearchPageTests_Postgres(PostgresApp app) : SearchPageTests(app), IClassFixture<PostgresApp>;
