namespace AfterSales.IntegrationTests;

/// <summary>Pushing orders: create/replace, and bad input refused as a whole with field errors and nothing written.</summary>
public abstract class OrderValidationTests(AfterSalesApp app) : ApiTests(app)
{
    /// <summary>Each bad input by name: what is changed in a valid order, and the field that must be named.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Field)> BadInputs = new()
    {
        ["zero quantity"] = (o => Line(o, 0)["quantity"] = 0, "lines[0].quantity"),
        ["negative quantity"] = (o => Line(o, 1)["quantity"] = -1, "lines[1].quantity"),
        ["paid above unit price × quantity"] = (o => Line(o, 1)["paidAmount"] = 100.01m, "lines[1].paidAmount"),
        ["negative unit price"] = (o => Line(o, 0)["unitPrice"] = -1m, "lines[0].unitPrice"),
        ["paid amount below a fen"] = (o => Line(o, 0)["paidAmount"] = 10.001m, "lines[0].paidAmount"),
        ["unknown flag"] = (o => Line(o, 0)["flags"] = new JsonArray("customMade", "madeUp"), "lines[0].flags"),
        ["duplicate lineNo"] = (o => Line(o, 1)["lineNo"] = 1, "lines[1].lineNo"),
        ["no lines"] = (o => o["lines"] = new JsonArray(), "lines"),
        ["shipment naming an unknown line"] = (o => o["shipments"]![0]!["lineNos"] = new JsonArray(1, 9), "shipments[0].lineNos"),
        ["malformed time"] = (o => o["placedAt"] = "yesterday", "placedAt"),
        ["time without offset"] = (o => o["paidAt"] = "2026-11-01T10:01:00", "paidAt"),
        ["malformed shipment time"] = (o => o["shipments"]![0]!["signedAt"] = "2026-13-40T25:00:00+08:00", "shipments[0].signedAt"),
        ["signed before shipped"] = (o => o["shipments"]![0]!["signedAt"] = "2026-11-01T00:00:00+08:00", "shipments[0].signedAt"),
        ["other currency"] = (o => o["currency"] = "USD", "currency"),
        ["missing recipient"] = (o => o.Remove("recipient"), "recipient"),
        ["amount beyond what money columns hold"] = (o => { Line(o, 0)["unitPrice"] = 1e17m; Line(o, 0)["paidAmount"] = 1e17m; }, "lines[0].paidAmount"),
        ["unit price × quantity beyond decimal"] = (o => { Line(o, 1)["unitPrice"] = 7e28m; Line(o, 1)["paidAmount"] = 1m; }, "lines[1].unitPrice"),
    };

    public static TheoryData<string> BadInputNames => [.. BadInputs.Keys];

    private static JsonObject Line(JsonObject order, int index) => order["lines"]![index]!.AsObject();

    [Fact]
    public async Task PutOrder_New_Is201AndReadable_Replaced_Is200()
    {
        var orderNo = Samples.NewId("O");
        var order = Samples.Order("shop-a");
        var created = await Api.PutOrderAsync(orderNo, order);
        Assert.Equal(201, created.StatusCode);
        Assert.Equal(Samples.PhonePaid + Samples.CasesPaid, created.Json["totalPaid"]!.GetValue<decimal>());

        order["lines"]![1]!["paidAmount"] = 80.00m;
        var replaced = await Api.PutOrderAsync(orderNo, order);
        Assert.Equal(200, replaced.StatusCode);
        var read = await Api.GetOrderAsync(orderNo);
        Assert.Equal(200, read.StatusCode);
        Assert.Equal(80.00m, read.Json["lines"]![1]!["paidAmount"]!.GetValue<decimal>());
        var signed = DateTimeOffset.Parse(order["shipments"]![0]!["signedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(signed, read.Json["shipments"]![0]!["signedAt"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [MemberData(nameof(BadInputNames))]
    public async Task PutOrder_WithBadInput_Is400WithFieldErrorAndWritesNothing(string badInput)
    {
        var (breakIt, field) = BadInputs[badInput];
        var orderNo = Samples.NewId("O");
        var order = Samples.Order("shop-b");
        breakIt(order);
        Problems.AssertFields(await Api.PutOrderAsync(orderNo, order), "order.invalid", field);
        Problems.Assert(await Api.GetOrderAsync(orderNo), 404, "order.not_found");
    }

    [Theory]
    [MemberData(nameof(BadInputNames))]
    public async Task PutOrder_ReplacingWithBadInput_LeavesTheOrderAsItWas(string badInput)
    {
        var orderNo = await Api.CreateOrderAsync();
        var before = (await Api.GetOrderAsync(orderNo)).Body;
        var order = Samples.Order("shop-c");
        BadInputs[badInput].Break(order);
        Assert.Equal(400, (await Api.PutOrderAsync(orderNo, order)).StatusCode);
        Assert.Equal(before, (await Api.GetOrderAsync(orderNo)).Body);
    }

    [Fact]
    public async Task PutOrder_WithSeveralProblems_NamesThemAll()
    {
        var order = Samples.Order("shop-d");
        Line(order, 0)["quantity"] = 0;
        Line(order, 1)["flags"] = new JsonArray("fragile");
        order["placedAt"] = "soon";
        Problems.AssertFields(await Api.PutOrderAsync(Samples.NewId("O"), order), "order.invalid", "lines[0].quantity", "lines[1].flags", "placedAt");
    }

    [Theory]
    [InlineData("{\"shopId\": \"s1\", ")]
    [InlineData("{\"shopId\": \"s1\", \"lines\": [{\"lineNo\": 1, \"quantity\": \"two\"}]}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"lines\": [{\"lineNo\": 1, \"unitPrice\": 1e40}]}")]
    public async Task PutOrder_WithMalformedJson_Is400MalformedAndWritesNothing(string json)
    {
        var orderNo = Samples.NewId("O");
        Problems.Assert(await Api.SendRawAsync(HttpMethod.Put, $"/api/v1/orders/{orderNo}", json), 400, "request.malformed");
        Problems.Assert(await Api.GetOrderAsync(orderNo), 404, "order.not_found");
    }

    [Fact]
    public async Task PutOrder_WithAnInvalidOrderNumber_Is400()
    {
        Problems.AssertFields(await Api.PutOrderAsync("bad%20number", Samples.Order("shop-e")), "order.invalid", "orderNo");
    }

    [Fact]
    public async Task PutOrder_RemovingALineACaseCovers_Is409AndKeepsTheOrder()
    {
        var orderNo = await Api.CreateOrderAsync("shop-f");
        await Api.OpenCaseAsync(orderNo, "return_refund", lines: [(2, 2)]);
        var before = (await Api.GetOrderAsync(orderNo)).Body;
        var order = Samples.Order("shop-f");
        order["lines"]!.AsArray().RemoveAt(1);
        order["shipments"]![0]!["lineNos"] = new JsonArray(1);
        Problems.Assert(await Api.PutOrderAsync(orderNo, order), 409, "order.lines_in_use");
        Assert.Equal(before, (await Api.GetOrderAsync(orderNo)).Body);
    }
}

public sealed class OrderValidationTests_Sqlite(SqliteApp app) : OrderValidationTests(app), IClassFixture<SqliteApp>;

public sealed class OrderValidationTests_Postgres(PostgresApp app) : OrderValidationTests(app), IClassFixture<PostgresApp>;
