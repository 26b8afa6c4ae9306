using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The demo's shops have names and return addresses, the demo cases already past agreement carry the address they
/// were agreed with, and anna (merchant of shop-apparel) cannot read or write shop-digital: it is not found.
/// </summary>
public sealed class DemoShopsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aftersales-demo-shops-").FullName;

    [Fact]
    public async Task DemoShops_HaveNamesAndAddresses_AgreedCasesCarryThem_AndAnnaSeesOnlyHerShop()
    {
        await using var factory = new DemoSeedFactory(_folder);
        using var api = factory.Api();
        var ct = TestContext.Current.CancellationToken;

        var apparel = await api.GetFromJsonAsync<JsonElement>("/api/v1/shops/shop-apparel", ct);
        Assert.Equal("简衣服饰旗舰店", apparel.GetProperty("name").GetString());
        Assert.Contains("文一西路 969 号", apparel.GetProperty("returnAddress").GetProperty("address").GetString(), StringComparison.Ordinal);
        var digital = await api.GetFromJsonAsync<JsonElement>("/api/v1/shops/shop-digital", ct);
        Assert.Equal("极客数码旗舰店", digital.GetProperty("name").GetString());

        // Every demo return, exchange or repair that got past agreement was agreed with its shop's address.
        var past = new List<JsonElement>();
        foreach (var status in new[] { "awaiting_return", "return_in_transit", "return_received" })
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?status={status}&limit=200", ct);
            past.AddRange(page.GetProperty("items").EnumerateArray());
        }
        Assert.NotEmpty(past);
        foreach (var summary in past)
        {
            var c = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{summary.GetProperty("caseNo").GetString()}", ct);
            Assert.True(c.TryGetProperty("returnAddress", out var address) && address.ValueKind == JsonValueKind.Object,
                $"{summary.GetProperty("caseNo").GetString()} has no return address");
            var shop = await api.GetFromJsonAsync<JsonElement>($"/api/v1/shops/{c.GetProperty("shopId").GetString()}", ct);
            Assert.Equal(shop.GetProperty("returnAddress").GetProperty("address").GetString(), address.GetProperty("address").GetString());
        }

        using var anna = factory.CreateClient();
        var token = await anna.PostAsJsonAsync("/api/v1/auth/token", new { userName = "anna", password = "AfterSales@2026" }, ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var bearer = (await token.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        anna.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/api/v1/shops/shop-apparel", ct)).StatusCode);
        var read = await anna.GetAsync("/api/v1/shops/shop-digital", ct);
        var write = await anna.PutAsJsonAsync("/api/v1/shops/shop-digital", new { name = "安娜的店" }, ct);
        var missing = await anna.GetAsync("/api/v1/shops/shop-nowhere", ct);
        foreach (var response in new[] { read, write, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("shop.not_found", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString());
        }
        Assert.Equal("极客数码旗舰店", (await api.GetFromJsonAsync<JsonElement>("/api/v1/shops/shop-digital", ct)).GetProperty("name").GetString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
    }
}
