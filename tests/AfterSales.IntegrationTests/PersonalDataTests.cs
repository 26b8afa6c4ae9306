using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Personal data (DOMAIN.md §10, API.md "Access"): the recipient is encrypted at rest, masked for roles that do not
/// need it, whole for the platform (audited) and the owning consumer (not audited), and never in the logs.
/// </summary>
public abstract class PersonalDataTests(AfterSalesApp app) : ApiTests(app)
{
    private const string FullName = "欧阳娜娜";
    private const string Phone = "13987654321";
    private const string Address = "广东省深圳市南山区科技园路88号3栋";

    private static JsonObject OrderFor(string consumerId, string name = FullName, string phone = Phone, string address = Address)
    {
        var order = Samples.Order("shop-pd", consumerId);
        order["recipient"] = new JsonObject { ["name"] = name, ["phone"] = phone, ["address"] = address };
        return order;
    }

    private async Task<string> PutOrderAsync(string consumerId)
    {
        var orderNo = Samples.NewId("PD");
        var put = await Api.PutOrderAsync(orderNo, OrderFor(consumerId));
        Assert.True(put.StatusCode == 201, put.ToString());
        return orderNo;
    }

    private static void AssertWhole(ApiResponse response)
    {
        Assert.True(response.StatusCode == 200, response.ToString());
        var r = response.Json["recipient"]!;
        Assert.Equal((FullName, Phone, Address), (r["name"]!.GetValue<string>(), r["phone"]!.GetValue<string>(), r["address"]!.GetValue<string>()));
    }

    private static void AssertMasked(ApiResponse response)
    {
        Assert.True(response.StatusCode == 200, response.ToString());
        var r = response.Json["recipient"]!;
        Assert.Equal(("欧阳**", "139****4321", "广东省深圳市****"), (r["name"]!.GetValue<string>(), r["phone"]!.GetValue<string>(), r["address"]!.GetValue<string>()));
    }

    private async Task<int> PersonalDataReadsAsync(string orderNo)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("/api/v1/audit?limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.StatusCode == 200, page.ToString());
            count += page.Json["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "personal_data.read" && e["target"]?.GetValue<string>() == orderNo);
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return count;
    }

    private Task<string> RawRecipientAsync(string orderNo) =>
        App.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Recipient\" AS \"Value\" FROM orders WHERE \"OrderNo\" = {0}", orderNo).SingleAsync());

    [Fact]
    public async Task AnAgent_SeesTheRecipientMasked_AndNothingIsAudited()
    {
        var orderNo = await PutOrderAsync(Samples.NewId("c"));
        AssertMasked(await App.As("agent-1").GetOrderAsync(orderNo));
        Assert.Equal(0, await PersonalDataReadsAsync(orderNo));
    }

    [Fact]
    public async Task ThePlatform_SeesItWhole_AndEachReadIsAudited()
    {
        var orderNo = await PutOrderAsync(Samples.NewId("c"));
        Assert.Equal(0, await PersonalDataReadsAsync(orderNo)); // writing it is not a read
        AssertWhole(await Api.GetOrderAsync(orderNo));
        AssertWhole(await Api.GetOrderAsync(orderNo));
        Assert.Equal(2, await PersonalDataReadsAsync(orderNo));
        Assert.True((await Api.PostAsync("/api/v1/audit/verify", new JsonObject())).Json["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheOwningConsumer_SeesItWhole_WithoutAnAuditEntry_AnotherConsumerIsToldItDoesNotExist()
    {
        var consumerId = Samples.NewId("c");
        var orderNo = await PutOrderAsync(consumerId);
        var (ownerName, otherName) = (Name("owner"), Name("other"));
        foreach (var (user, consumer) in new[] { (ownerName, consumerId), (otherName, Samples.NewId("c")) })
        {
            var body = User(user, StrongPassword, "consumer");
            body["consumerId"] = consumer;
            var created = await Api.PostAsync("/api/v1/users", body);
            Assert.True(created.StatusCode == 201, created.ToString());
        }
        AssertWhole(await (await SignedInAsync(App, ownerName)).GetOrderAsync(orderNo));
        Assert.Equal(0, await PersonalDataReadsAsync(orderNo));
        // Outside a consumer's scope the order is not found, exactly as one that does not exist (no masked copy either).
        Problems.Assert(await (await SignedInAsync(App, otherName)).GetOrderAsync(orderNo), 404, "order.not_found");
    }

    [Fact]
    public async Task TheColumnHoldsCiphertext_AndRowsWrittenBeforeEncryptionStayReadable()
    {
        var orderNo = await PutOrderAsync(Samples.NewId("c"));
        var raw = await RawRecipientAsync(orderNo);
        Assert.StartsWith(PersonalDataColumn.Prefix, raw, StringComparison.Ordinal);
        foreach (var secret in new[] { Phone, "987654321", FullName, "娜娜", "科技园", "\\u" })
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);

        // A row as the service wrote it before this change: plain JSON.
        var legacy = $$"""{"name":"{{FullName}}","phone":"{{Phone}}","address":"{{Address}}"}""";
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE orders SET \"Recipient\" = {0} WHERE \"OrderNo\" = {1}", legacy, orderNo));
        AssertWhole(await Api.GetOrderAsync(orderNo));
        AssertMasked(await App.As("agent-1").GetOrderAsync(orderNo));
        // The next push encrypts it, even with the same recipient.
        Assert.Equal(200, (await Api.PutOrderAsync(orderNo, OrderFor(Samples.NewId("c")))).StatusCode);
        Assert.StartsWith(PersonalDataColumn.Prefix, await RawRecipientAsync(orderNo), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingTheServiceLogs_HoldsTheRecipient()
    {
        var logs = new CapturedLogs();
        var everything = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "Trace",
        };
        const string name = "司马懿楷";
        const string phone = "15600998877";
        const string address = "浙江省杭州市西湖区文三路777号紫藤苑";
        await using (var node = App.StartNode(everything, logs))
        {
            var orderNo = Samples.NewId("PDLOG");
            var order = OrderFor(Samples.NewId("c"), name, phone, address);
            Assert.Equal(201, (await node.Api.PutOrderAsync(orderNo, order)).StatusCode);
            Assert.Equal(200, (await node.Api.PutOrderAsync(orderNo, order.DeepClone())).StatusCode);
            Assert.Equal(200, (await node.Api.GetOrderAsync(orderNo)).StatusCode);
            // A refused order (the line is bad) with the same recipient: its errors are not logged with the body either.
            var bad = OrderFor(Samples.NewId("c"), name, phone, address);
            bad["lines"] = new JsonArray();
            Assert.Equal(400, (await node.Api.PutOrderAsync(Samples.NewId("PDLOG"), bad)).StatusCode);
            await node.Api.OpenCaseAsync(orderNo, "return_refund");
        }
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)); // the capture saw EF's own logging
        foreach (var secret in new[] { name, phone, address, "15600", "文三路" })
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }
}

public sealed class PersonalDataTests_Sqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;

public sealed class PersonalDataTests_Postgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>;
