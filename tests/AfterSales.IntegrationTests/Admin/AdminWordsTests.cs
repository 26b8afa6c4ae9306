using System.Globalization;
using AfterSales.IntegrationTests.Web;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Admin;

/// <summary>
/// What a new administrator met: shops typed by name (or misspelt) were saved without complaint, and the pages
/// showed codes where a person expects words. Unknown shops are refused with a field error in words; the pages say
/// titles without "see errors", fields, flags, people and shops by name, a key's status, and filter the audit by day.
/// </summary>
public abstract class AdminWordsTests(AfterSalesApp app) : ApiTests(app)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private async Task<AdminBrowser> NamedAdminAsync(string displayName)
    {
        var name = Name("admin");
        var body = User(name, StrongPassword, "platform_admin");
        body["displayName"] = displayName;
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
        return await AdminBrowser.SignInAsync(App, name);
    }

    [Fact]
    public async Task AMerchantForAShopNobodyKnows_IsRefused_OnTheApiAndThePage_WithTheFieldErrorInWords()
    {
        var body = User(Name("merchant"), StrongPassword, "merchant");
        body["shopIds"] = new JsonArray("简衣服饰");
        var errors = Problems.AssertFields(await Api.PostAsync("/api/v1/users", body), "user.invalid", "shopIds");
        Assert.Contains(errors["shopIds"]!.AsArray(), m => m!.GetValue<string>().StartsWith("unknown shop '简衣服饰'", StringComparison.Ordinal));

        var admin = await AdminBrowser.AdminAsync(App);
        var bad = Name("merchant");
        var refused = await admin.PostAsync("/admin/users", [
            new("UserName", bad), new("Password", StrongPassword), new("Roles", "merchant"), new("ShopIds", "简衣服饰"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = VisibleText.Of(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("用户信息无效。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("详见 errors", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(user.invalid)", text, StringComparison.Ordinal);
        Assert.Contains("店铺: 未知店铺“简衣服饰”：既没有这家店铺的资料，也没有它的订单", text, StringComparison.Ordinal);
        Assert.Equal(401, (await TokenAsync(App, bad, StrongPassword)).StatusCode);

        // A shop with a profile (and no order yet) is known.
        var profiled = Samples.NewId("shop");
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{profiled}", new JsonObject { ["name"] = "新店 " + profiled[^4..] })).StatusCode);
        body = User(Name("merchant"), StrongPassword, "merchant");
        body["shopIds"] = new JsonArray(profiled);
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", body)).StatusCode);
    }

    [Fact]
    public async Task APolicyForAShopNobodyKnows_IsRefused_OnTheApiAndThePage_AndSavesNothing()
    {
        var scope = "shop:" + Samples.NewId("nosuchshop");
        var errors = Problems.AssertFields(await Api.PutAsync($"/api/v1/policies/{scope}", new JsonObject { ["noReasonDays"] = 15 }),
            "policy.invalid", "scope");
        Assert.Contains(errors["scope"]!.AsArray(), m => m!.GetValue<string>().StartsWith("unknown shop", StringComparison.Ordinal));
        // Together with the settings' own errors, not one at a time.
        Problems.AssertFields(await Api.PutAsync($"/api/v1/policies/{scope}", new JsonObject { ["merchantAnswerHours"] = 0 }),
            "policy.invalid", "scope", "merchantAnswerHours");

        var admin = await AdminBrowser.AdminAsync(App);
        var refused = await admin.PostAsync("/admin/policies", [new("Scope", scope), new("Values[noReasonDays]", "15")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = VisibleText.Of(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"未知店铺“{scope[5..]}”", text, StringComparison.Ordinal);
        Assert.Equal(404, (await Api.GetAsync($"/api/v1/policies/{scope}")).StatusCode);
    }

    [Fact]
    public async Task ThePolicyPage_SaysFieldsFlagsVersionsAndPeopleInWords()
    {
        var shop = await Api.KnownShopAsync();
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/shops/{shop}", new JsonObject { ["name"] = "简衣服饰 " + shop[^4..] })).StatusCode);
        var admin = await NamedAdminAsync("政策管理员 小周");
        var saved = await admin.FollowAsync(await admin.PostAsync("/admin/policies", [
            new("Scope", "shop:" + shop), new("Values[noReasonDays]", "15"), new("PaidBy", "merchant"), new("Waived", "customMade"),
        ]));
        var text = VisibleText.Of(saved);
        Assert.Contains($"已保存 店铺 简衣服饰 {shop[^4..]} 的新版本。", text, StringComparison.Ordinal);
        foreach (var code in new[] { "noReasonDays", "noReasonReturnShippingPaidBy", "waivedExclusions", "customMade", "perishable" })
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.Contains("七天无理由退货天数: 15", text, StringComparison.Ordinal);
        Assert.Contains("无理由退货运费承担方: 商家", text, StringComparison.Ordinal);
        Assert.Contains("放弃的除外情形（对消费者更有利）: 定制商品", text, StringComparison.Ordinal);
        Assert.Contains("政策管理员 小周", text, StringComparison.Ordinal);
        Assert.Contains("生鲜易腐", text, StringComparison.Ordinal); // the flags to tick, by name
    }

    [Fact]
    public async Task TheKeysTable_HasAStatusColumn_LiveThenRevoked()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var keyName = "ERP " + Samples.NewId("k");
        await admin.FollowAsync(await admin.PostAsync("/admin/api-keys", [new("Name", keyName), new("Roles", "agent")], "Create"));
        var keyId = (await Api.GetAsync("/api/v1/api-keys")).Json.AsArray().Single(k => k!["name"]!.GetValue<string>() == keyName)!["keyId"]!.GetValue<string>();

        string Row(string html) => VisibleText.Of(html[html.IndexOf($"<code>{keyId}</code>", StringComparison.Ordinal)..].Split("</tr>")[0]);
        var page = (await admin.GetAsync("/admin/api-keys")).Html;
        Assert.Contains("<th scope=\"col\">状态</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">已吊销</th>", page, StringComparison.Ordinal);
        Assert.Contains("有效", Row(page), StringComparison.Ordinal);

        var revoked = await admin.FollowAsync(await admin.PostAsync("/admin/api-keys", [new("Revoke", keyId)], "Revoke"));
        Assert.Contains("已吊销（", Row(revoked), StringComparison.Ordinal);
        Assert.DoesNotContain("有效", Row(revoked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditFilter_TakesDaysInBeijingTime_BothIncluded_AndStillTakesAnInstant()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).DateTime);
        var target = "category:" + Samples.NewId("audit");
        Assert.Equal(200, (await Api.PutAsync($"/api/v1/policies/{target}", new JsonObject { ["appealDays"] = 9 })).StatusCode);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = (await admin.GetAsync($"/admin/audit?from={D(day)}&to={D(day)}")).Html;
        Assert.Contains("type=\"date\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{D(day)}\"", page, StringComparison.Ordinal);
        Assert.True(page.Contains("id=\"audit\"", StringComparison.Ordinal), VisibleText.Of(page)); // "to" is the day itself, included

        var tomorrow = (await admin.GetAsync($"/admin/audit?from={D(day.AddDays(1))}")).Html;
        Assert.DoesNotContain("id=\"audit\"", tomorrow, StringComparison.Ordinal);
        Assert.Contains("审计日志为空", tomorrow, StringComparison.Ordinal);
        var yesterday = (await admin.GetAsync($"/admin/audit?from={D(day.AddDays(-1))}&to={D(day.AddDays(-1))}")).Html;
        Assert.DoesNotContain(target, yesterday, StringComparison.Ordinal);

        // The old query (an instant with its offset) still works, and its day is shown in the box.
        var instant = Uri.EscapeDataString($"{D(day.AddDays(1))}T00:00:00+08:00");
        var (status, old) = await admin.GetAsync($"/admin/audit?from={instant}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"value=\"{D(day.AddDays(1))}\"", old, StringComparison.Ordinal);
        Assert.Contains("审计日志为空", old, StringComparison.Ordinal);
    }
}

public sealed class AdminWordsTests_Sqlite(SqliteApp app) : AdminWordsTests(app), IClassFixture<SqliteApp>;

public sealed class AdminWordsTests_Postgres(PostgresApp app) : AdminWordsTests(app), IClassFixture<PostgresApp>;
