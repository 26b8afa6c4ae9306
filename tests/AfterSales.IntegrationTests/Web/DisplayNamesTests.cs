using AfterSales.Web.Web;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.Access.AccessClient;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// <see cref="DisplayNames"/> on a real database: queues, agents and users by name, shops through the
/// <see cref="IShopNames"/> seam (a test implementation stands in for the shop profile), consumers masked; each
/// kind read once per request however often a page asks.
/// </summary>
public abstract class DisplayNamesTests(AfterSalesApp app) : ApiTests(app)
{
    private sealed class CountingShopNames(Dictionary<string, string> names) : IShopNames
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> shopIds, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(shopIds.Where(names.ContainsKey).ToDictionary(id => id, id => names[id]));
        }
    }

    [Fact]
    public async Task Names_ComeFromTheirRecords_ShopsThroughTheSeam_AndUnknownIdsReadAsThemselves()
    {
        var queue = Samples.NewId("q").ToLowerInvariant() + "-review";
        Assert.InRange((await Api.PutAsync($"/api/v1/queues/{queue}", new JsonObject
        {
            ["name"] = "平台介入", ["caseTypes"] = new JsonArray("complaint"), ["shopIds"] = new JsonArray(Samples.NewId("shop")), ["precedence"] = 50,
        })).StatusCode, 200, 201);
        var agent = Samples.NewId("agent");
        Assert.InRange((await Api.PutAsync($"/api/v1/agents/{agent}", new JsonObject
        {
            ["name"] = "孙丽", ["skills"] = new JsonArray(), ["capacity"] = 1, ["available"] = false,
        })).StatusCode, 200, 201);
        var userName = Name("merchant");
        var created = await Api.PostAsync("/api/v1/users", User(userName, StrongPassword, "merchant"));
        var userId = created.Json["userId"]!.GetValue<string>();
        var (shop, unnamedShop) = (Samples.NewId("shop"), Samples.NewId("shop"));
        var orderNo = await Api.CreateOrderAsync(shop);

        await using var scope = App.Services.CreateAsyncScope();
        var shops = new CountingShopNames(new() { [shop] = "简衣服饰旗舰店" });
        var names = new DisplayNames(scope.ServiceProvider.GetRequiredService<RoutingQueries>(), scope.ServiceProvider.GetRequiredService<OrderQueries>(), shops);
        await names.PrepareAsync(queues: [queue, "no-such-queue", null], people: [agent, userId, "nobody-1"],
            shops: [shop, unnamedShop], orders: [orderNo], ct: TestContext.Current.CancellationToken);
        await names.PrepareAsync(shops: [shop, unnamedShop], ct: TestContext.Current.CancellationToken); // known: not read again

        Assert.Equal("平台介入", names.Queue(queue));
        Assert.Equal("No such queue", names.Queue("no-such-queue"));
        Assert.Equal("孙丽", names.Person(agent));
        Assert.Equal("测试 " + userName, names.Person(userId));
        Assert.Equal("nobody-1", names.Person("nobody-1"));
        Assert.Equal("简衣服饰旗舰店", names.Shop(shop));
        Assert.Equal(unnamedShop, names.Shop(unnamedShop));
        Assert.Equal(1, shops.Calls);
        Assert.Equal("张*", names.ConsumerOf(orderNo));
    }
}

public sealed class DisplayNamesTests_Sqlite(SqliteApp app) : DisplayNamesTests(app), IClassFixture<SqliteApp>;

public sealed class DisplayNamesTests_Postgres(PostgresApp app) : DisplayNamesTests(app), IClassFixture<PostgresApp>;
