using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The merchant's shop settings (/shop/settings) save through a form post (post/redirect/get, errors next to their
/// fields), and the case page shows the return address from the agreement on: to the consumer as the place to send
/// the goods, or a plain sentence when the merchant gave none.
/// </summary>
public abstract class ShopSettingsPagesTests(AfterSalesApp app) : ApiTests(app)
{
    private sealed record World(string Shop, string Merchant, string Consumer, string OrderNo);

    private async Task<World> WorldAsync()
    {
        var (shop, consumerId) = (Samples.NewId("shop"), Samples.NewId("c"));
        var orderNo = Samples.NewId("PD");
        Assert.Equal(201, (await Api.PutOrderAsync(orderNo, Samples.Order(shop, consumerId))).StatusCode);
        async Task<string> UserAsync(string role, Action<JsonObject> more)
        {
            var name = Name(role);
            var body = User(name, StrongPassword, role);
            more(body);
            var created = await Api.PostAsync("/api/v1/users", body);
            Assert.True(created.StatusCode == 201, created.ToString());
            return name;
        }
        return new World(shop, await UserAsync("merchant", b => b["shopIds"] = new JsonArray(shop)),
            await UserAsync("consumer", b => b["consumerId"] = consumerId), orderNo);
    }

    private static Dictionary<string, string> Form(string shop, string version, string name, string contact, string phone, string address, string postal = "") => new()
    {
        ["Form.ShopId"] = shop, ["Form.Version"] = version, ["Form.Name"] = name, ["Form.ContactName"] = contact,
        ["Form.Phone"] = phone, ["Form.Address"] = address, ["Form.PostalCode"] = postal,
    };

    [Fact]
    public async Task TheSettingsPage_SavesByFormPost_AndShowsErrorsNextToTheirFields()
    {
        var w = await WorldAsync();
        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        var (status, html) = await merchant.GetAsync("/shop/settings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"value=\"{w.Shop}\"", html, StringComparison.Ordinal);
        Assert.Contains("尚未保存", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/shop/settings\"", (await merchant.GetAsync("/shop")).Html, StringComparison.Ordinal);

        var refused = await merchant.PostFormAsync("/shop/settings", Form(w.Shop, "0", "简衣服饰旗舰店", "王师傅", "打电话", "浙江省杭州市余杭区文一西路 969 号"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var explained = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // The phone's error sits under the phone input, tied to it; what was typed is kept.
        Assert.Matches($"id=\"shop-{w.Shop}-phone\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"shop-{w.Shop}-returnAddress-phone-error\"", explained);
        Assert.Contains($"<span class=\"field-error\" id=\"shop-{w.Shop}-returnAddress-phone-error\">", explained, StringComparison.Ordinal);
        Assert.Contains("value=\"打电话\"", explained, StringComparison.Ordinal);
        Problems.Assert(await Api.GetAsync($"/api/v1/shops/{w.Shop}"), 404, "shop.not_found");

        var saved = await merchant.PostFormAsync("/shop/settings", Form(w.Shop, "0", "简衣服饰旗舰店", "王师傅", "0571-88886666",
            "浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", "311121"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/shop/settings", saved.Headers.Location?.OriginalString);
        var after = (await merchant.GetAsync("/shop/settings")).Html;
        Assert.Contains("已保存：简衣服饰旗舰店。", after, StringComparison.Ordinal);
        Assert.Contains("value=\"0571-88886666\"", after, StringComparison.Ordinal);
        var shop = await Api.GetAsync($"/api/v1/shops/{w.Shop}");
        Assert.Equal("311121", shop.Json["returnAddress"]!["postalCode"]!.GetValue<string>());

        // The form's version is the If-Match: a form older than the last save is refused and changes nothing.
        var current = await merchant.PostFormAsync("/shop/settings", Form(w.Shop, "1", "旧名字", "", "", ""));
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode); // all address fields empty: no address, on purpose
        Assert.Null((await Api.GetAsync($"/api/v1/shops/{w.Shop}")).Json["returnAddress"]);
        var outdated = await merchant.PostFormAsync("/shop/settings", Form(w.Shop, "1", "更旧的名字", "", "", ""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, outdated.StatusCode);
        Assert.Equal("旧名字", (await Api.GetAsync($"/api/v1/shops/{w.Shop}")).Json["name"]!.GetValue<string>());

        // Another shop's form reads as missing.
        var foreign = await merchant.PostFormAsync("/shop/settings", Form(Samples.NewId("shop"), "0", "别人的店", "", "", ""));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task AnAdmin_CreatesAndEditsAnyShop_OnTheAdminPage()
    {
        var shop = Samples.NewId("shop");
        var admin = await Admin.AdminBrowser.AdminAsync(App);
        var form = await admin.GetAsync($"/admin/shops?shop={shop}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"value=\"{shop}\"", form.Html, StringComparison.Ordinal);

        var refused = await admin.PostAsync($"/admin/shops?shop={shop}", Form(shop, "0", "", "", "", ""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"id=\"shop-{shop}-name-error\"", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var saved = await admin.PostAsync($"/admin/shops?shop={shop}", Form(shop, "0", "书香图书专营店", "退换货处", "027-87651234",
            "湖北省武汉市东西湖区走马岭街道革新大道 888 号"));
        var list = await admin.FollowAsync(saved);
        Assert.Contains("已保存：书香图书专营店。", list, StringComparison.Ordinal);
        Assert.Contains("退换货处 · 027-87651234", list, StringComparison.Ordinal);
        Assert.Equal("书香图书专营店", (await Api.GetAsync($"/api/v1/shops/{shop}")).Json["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCasePage_ShowsTheConsumerTheReturnAddress_OnceTheMerchantAgreed()
    {
        var w = await WorldAsync();
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{w.Shop}", new JsonObject
        {
            ["name"] = "简衣服饰旗舰店",
            ["returnAddress"] = new JsonObject { ["contactName"] = "简衣售后组", ["phone"] = "0571-88886666", ["address"] = "浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门" },
        })).StatusCode);
        var caseNo = (await Api.OpenCaseAsync(w.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        var before = (await consumer.GetAsync($"/portal/cases/{caseNo}")).Html;
        Assert.DoesNotContain("文一西路 969 号", before, StringComparison.Ordinal);

        // The agree form shows the address that will be sent, and agreeing from the page sends it.
        var shopPage = (await merchant.GetAsync($"/shop/cases/{caseNo}")).Html;
        Assert.Contains("将告知消费者的退货地址", shopPage, StringComparison.Ordinal);
        Assert.Contains("value=\"简衣售后组\"", shopPage, StringComparison.Ordinal);
        var agreed = await merchant.PostFormAsync($"/shop/cases/{caseNo}?handler=Act", new()
        {
            ["action"] = "agree", ["version"] = "1", ["Form.ReturnContactName"] = "简衣售后组 安娜", ["Form.ReturnPhone"] = "0571-88886666",
            ["Form.ReturnAddress"] = "浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", ["Form.ReturnPostalCode"] = "",
        }, $"/shop/cases/{caseNo}");
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);

        var (status, page) = await consumer.GetAsync($"/portal/cases/{caseNo}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"return-address-title\">退货地址</h2>", page, StringComparison.Ordinal);
        Assert.Contains("简衣售后组 安娜", page, StringComparison.Ordinal);
        Assert.Contains("浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", page, StringComparison.Ordinal);
        // Near the waybill form: the block comes right before the actions.
        Assert.True(page.IndexOf("return-address-title", StringComparison.Ordinal) < page.IndexOf("act-ship-return", StringComparison.Ordinal));
        Assert.Equal("简衣售后组 安娜", (await Api.CaseAsync(caseNo))["returnAddress"]!["contactName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACaseAgreedWithoutAnAddress_TellsTheConsumerToAsk_AndTheMerchantWhereToSetIt()
    {
        var w = await WorldAsync();
        var caseNo = (await Api.OpenCaseAsync(w.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        Assert.Contains("您的店铺尚未设置退货地址", (await merchant.GetAsync($"/shop/cases/{caseNo}")).Html, StringComparison.Ordinal);
        await Api.DoAsync(caseNo, "agree");

        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        Assert.Contains("商家尚未提供退货地址", (await consumer.GetAsync($"/portal/cases/{caseNo}")).Html, StringComparison.Ordinal);
        var shopPage = (await merchant.GetAsync($"/shop/cases/{caseNo}")).Html;
        Assert.Contains("此售后单没有退货地址", shopPage, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/shop/settings\">", shopPage, StringComparison.Ordinal);
    }
}

public sealed class ShopSettingsPagesTests_Sqlite(SqliteApp app) : ShopSettingsPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ShopSettingsPagesTests_Postgres(PostgresApp app) : ShopSettingsPagesTests(app), IClassFixture<PostgresApp>;
