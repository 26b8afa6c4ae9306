using AfterSales.Web.Modules.Audit.Domain;
using AfterSales.Web.Modules.Shops.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.Access.AccessClient;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Shops (GET/PUT /api/v1/shops/{shopId}): name and return address, checked field by field; a merchant's own shops
/// only (another shop reads as missing); and the address a case was agreed with stays on the case when the shop's
/// address changes later.
/// </summary>
public abstract class ShopTests(AfterSalesApp app) : ApiTests(app)
{
    private static JsonObject Address(string contact = "售后仓 王师傅", string phone = "0571-88886666",
        string address = "浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", string? postalCode = "311121") => new()
    {
        ["contactName"] = contact, ["phone"] = phone, ["address"] = address, ["postalCode"] = postalCode,
    };

    private static JsonObject Shop(string name, JsonObject? address) => new() { ["name"] = name, ["returnAddress"] = address };

    private async Task<Api> MerchantAsync(params string[] shops)
    {
        var name = Name("merchant");
        foreach (var shop in shops) await Api.KnownShopAsync(shop); // staff are only given shops the platform knows
        var body = User(name, StrongPassword, "merchant");
        body["shopIds"] = new JsonArray([.. shops.Select(s => (JsonNode?)s)]);
        Assert.True((await Api.PostAsync("/api/v1/users", body)).StatusCode == 201);
        return await SignedInAsync(App, name);
    }

    private async Task<Api> RoleAsync(string role)
    {
        var name = Name(role);
        var body = User(name, StrongPassword, role);
        if (role == "consumer") body["consumerId"] = Samples.NewId("c");
        Assert.True((await Api.PostAsync("/api/v1/users", body)).StatusCode == 201);
        return await SignedInAsync(App, name);
    }

    [Fact]
    public async Task Put_ChecksEveryField_ThenSavesAVersion_ThatGetReads_AndAudits()
    {
        var shop = Samples.NewId("shop");
        var bad = await Api.PutAsync($"/api/v1/shops/{shop}", Shop(" ", Address(contact: "", phone: "call me", address: "杭州", postalCode: "3111")));
        Problems.AssertFields(bad, "shop.invalid", "name", "returnAddress.contactName", "returnAddress.phone", "returnAddress.address",
            "returnAddress.postalCode");
        var tooLong = await Api.PutAsync($"/api/v1/shops/{shop}", Shop(new string('店', 61), Address(address: new string('路', 201))));
        Problems.AssertFields(tooLong, "shop.invalid", "name", "returnAddress.address");
        Problems.Assert(await Api.GetAsync($"/api/v1/shops/{shop}"), 404, "shop.not_found"); // nothing was saved

        var saved = await Api.PutAsync($"/api/v1/shops/{shop}", Shop(" 简衣服饰旗舰店 ", Address(postalCode: null)));
        Assert.True(saved.StatusCode == 200, saved.ToString());
        Assert.Equal("\"1\"", saved.ETag);
        var read = await Api.GetAsync($"/api/v1/shops/{shop}");
        Assert.Equal(200, read.StatusCode);
        Assert.Equal("简衣服饰旗舰店", read.Json["name"]!.GetValue<string>());
        Assert.Equal("0571-88886666", read.Json["returnAddress"]!["phone"]!.GetValue<string>());
        Assert.Null(read.Json["returnAddress"]!["postalCode"]);
        Assert.Equal(1, read.Json["version"]!.GetValue<int>());

        // No address at all is allowed (a shop that has not set one); a stale If-Match is refused and changes nothing.
        var cleared = await Api.PutAsync($"/api/v1/shops/{shop}", Shop("简衣服饰旗舰店", null));
        Assert.Equal(200, cleared.StatusCode);
        Assert.Null(cleared.Json["returnAddress"]);
        var stale = Api.Json(HttpMethod.Put, $"/api/v1/shops/{shop}", Shop("旧名字", Address()), null, "\"1\"");
        Problems.Assert(await Api.SendAsync(stale), 412, "shop.version_mismatch");
        Assert.Equal(2, (await Api.GetAsync($"/api/v1/shops/{shop}")).Json["version"]!.GetValue<int>());

        var audited = await App.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == AuditActions.ShopChanged && a.Target == shop).Select(a => a.DataJson).ToListAsync());
        Assert.Equal(2, audited.Count); // the refused writes left no entry
        Assert.DoesNotContain(audited, d => d!.Contains("0571", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMerchant_ReadsAndWritesItsOwnShopsOnly_AnotherShopIsNotFound()
    {
        var (own, other, missing) = (Samples.NewId("shop"), Samples.NewId("shop"), Samples.NewId("shop"));
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{other}", Shop("极客数码旗舰店", Address()))).StatusCode);
        var merchant = await MerchantAsync(own);

        var created = await merchant.PutAsync($"/api/v1/shops/{own}", Shop("简衣服饰旗舰店", Address()));
        Assert.True(created.StatusCode == 200, created.ToString());
        Assert.Equal(200, (await merchant.GetAsync($"/api/v1/shops/{own}")).StatusCode);

        // Outside the scope answers exactly as a shop that does not exist, for reads and for writes (even bad ones).
        foreach (var response in new[]
        {
            await merchant.GetAsync($"/api/v1/shops/{other}"), await merchant.GetAsync($"/api/v1/shops/{missing}"),
            await merchant.PutAsync($"/api/v1/shops/{other}", Shop("改名", Address())),
            await merchant.PutAsync($"/api/v1/shops/{other}", Shop("", null)),
            await merchant.PutAsync($"/api/v1/shops/{missing}", Shop("新店", null)),
        })
        {
            Problems.Assert(response, 404, "shop.not_found");
            Assert.DoesNotContain("极客数码旗舰店", response.Body, StringComparison.Ordinal);
        }
        Assert.Equal("极客数码旗舰店", (await Api.GetAsync($"/api/v1/shops/{other}")).Json["name"]!.GetValue<string>());

        // Staff read every shop and change none; consumers have no shop endpoint.
        var agent = await RoleAsync("agent");
        Assert.Equal(200, (await agent.GetAsync($"/api/v1/shops/{other}")).StatusCode);
        Problems.Assert(await agent.PutAsync($"/api/v1/shops/{other}", Shop("改名", null)), 403, "auth.forbidden");
        Problems.Assert(await (await RoleAsync("consumer")).GetAsync($"/api/v1/shops/{own}"), 403, "auth.forbidden");
    }

    [Fact]
    public async Task AgreeingToAReturn_CopiesTheShopsAddress_WhichLaterEditsDoNotChange()
    {
        var shop = Samples.NewId("shop");
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{shop}", Shop("简衣服饰旗舰店", Address()))).StatusCode);
        var merchant = await MerchantAsync(shop);
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        Assert.Null((await Api.CaseAsync(caseNo))["returnAddress"]);
        Assert.Contains(await merchant.ActionsAsync(caseNo), a => a["action"]!.GetValue<string>() == "agree"
            && a["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "returnAddress" && !f["required"]!.GetValue<bool>()));

        var agreed = await merchant.DoAsync(caseNo, "agree");
        Assert.Equal("awaiting_return", agreed["status"]!.GetValue<string>());
        Assert.Equal("售后仓 王师傅", agreed["returnAddress"]!["contactName"]!.GetValue<string>());
        Assert.Equal("311121", agreed["returnAddress"]!["postalCode"]!.GetValue<string>());

        Assert.Equal(200, (await merchant.PutAsync($"/api/v1/shops/{shop}",
            Shop("简衣服饰旗舰店", Address(contact: "新仓库", address: "浙江省杭州市西湖区文三路 90 号 新仓库")))).StatusCode);
        var later = await Api.CaseAsync(caseNo);
        Assert.Equal("售后仓 王师傅", later["returnAddress"]!["contactName"]!.GetValue<string>());
        Assert.Equal("浙江省杭州市余杭区仓前街道文一西路 969 号 售后仓 3 号门", later["returnAddress"]!["address"]!.GetValue<string>());

        // A case agreed after the edit gets the new address.
        var next = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "exchange"))["caseNo"]!.GetValue<string>();
        Assert.Equal("新仓库", (await merchant.DoAsync(next, "agree"))["returnAddress"]!["contactName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAgreement_MayNameAnAddressForThisCaseOnly_CheckedLikeTheShops()
    {
        var shop = Samples.NewId("shop");
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{shop}", Shop("简衣服饰旗舰店", Address()))).StatusCode);
        var merchant = await MerchantAsync(shop);
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();

        var bad = await merchant.ActAsync(caseNo, "agree", new JsonObject { ["returnAddress"] = Address(phone: "phone") });
        Problems.AssertFields(bad, "validation.failed", "returnAddress.phone");
        Assert.Equal("requested", (await Api.CaseAsync(caseNo))["status"]!.GetValue<string>());

        var agreed = await merchant.DoAsync(caseNo, "agree", new JsonObject
        {
            ["returnAddress"] = Address(contact: "大件仓 李师傅", address: "浙江省嘉兴市南湖区亚太路 778 号 大件仓"),
        });
        Assert.Equal("大件仓 李师傅", agreed["returnAddress"]!["contactName"]!.GetValue<string>());
        Assert.Equal("售后仓 王师傅", (await Api.GetAsync($"/api/v1/shops/{shop}")).Json["returnAddress"]!["contactName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AShopWithoutAnAddress_StillAgrees_AndTheCaseRecordsNone_ARulingTakesTheShopsAddress()
    {
        var shop = Samples.NewId("shop");
        var none = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(none, "agree");
        Assert.Equal("awaiting_return", agreed["status"]!.GetValue<string>());
        Assert.Null(agreed["returnAddress"]);
        // Setting the address later does not rewrite what the case was agreed with.
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{shop}", Shop("书香图书专营店", Address()))).StatusCode);
        await Api.PostAsync($"/api/v1/cases/{none}/messages", new JsonObject { ["body"] = "地址呢？" });
        Assert.Null((await Api.CaseAsync(none))["returnAddress"]);

        // 平台介入: a refusal appealed and ruled for the consumer awaits the return at the shop's address too.
        var ruled = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "exchange"))["caseNo"]!.GetValue<string>();
        await Api.DoAsync(ruled, "refuse", new JsonObject { ["reason"] = "不支持换货" });
        await Api.DoAsync(ruled, "appeal", new JsonObject { ["reason"] = "质量问题" });
        var after = await Api.DoAsync(ruled, "rule", new JsonObject { ["outcome"] = "consumer", ["notes"] = "支持换货" });
        Assert.Equal("awaiting_return", after["status"]!.GetValue<string>());
        Assert.Equal("0571-88886666", after["returnAddress"]!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheShopEndpoints_AndTheCasesReturnAddress()
    {
        var doc = (await new Api(App.CreateAnonymousClient()).GetAsync("/openapi/v1.json")).Json;
        var shop = doc["paths"]!["/api/v1/shops/{shopId}"]!;
        Assert.Equal("GetShop", shop["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("PutShop", shop["put"]!["operationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(shop["put"]!["summary"]?.GetValue<string>()));
        Assert.NotNull(doc["components"]!["schemas"]!["CaseView"]!["properties"]!["returnAddress"]);
    }

    [Fact]
    public async Task ShopDirectory_NamesTheShopsThatHaveAName()
    {
        var (named, other, unknown) = (Samples.NewId("shop"), Samples.NewId("shop"), Samples.NewId("shop"));
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{named}", Shop("极客数码旗舰店", null))).StatusCode);
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{other}", Shop("简衣服饰旗舰店", Address()))).StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<ShopDirectory>().NamesAsync([named, other, unknown, named], TestContext.Current.CancellationToken);
        Assert.Equal(2, names.Count);
        Assert.Equal("极客数码旗舰店", names[named]);
        Assert.Equal("简衣服饰旗舰店", names[other]);
        Assert.False(names.ContainsKey(unknown));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ShopDirectory>().NamesAsync([], TestContext.Current.CancellationToken));
    }
}

public sealed class ShopTests_Sqlite(SqliteApp app) : ShopTests(app), IClassFixture<SqliteApp>;

public sealed class ShopTests_Postgres(PostgresApp app) : ShopTests(app), IClassFixture<PostgresApp>;
