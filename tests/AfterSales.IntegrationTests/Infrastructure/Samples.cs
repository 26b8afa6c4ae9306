using System.Text.Json.Nodes;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>Request bodies that the API accepts, to be varied by the tests.</summary>
public static class Samples
{
    /// <summary>Line 1: a phone, one bought, 3 799.00 paid after a discount.</summary>
    public const decimal PhonePaid = 3799.00m;

    /// <summary>Line 2: two phone cases, 90.00 paid for both.</summary>
    public const decimal CasesPaid = 90.00m;

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];

    /// <summary>An order placed 3 days and signed for 1 day before <paramref name="now"/> (default: the real time).</summary>
    public static JsonObject Order(string shopId, string consumerId = "consumer-1", DateTimeOffset? now = null) => new()
    {
        ["shopId"] = shopId,
        ["consumerId"] = consumerId,
        ["recipient"] = new JsonObject { ["name"] = "张三", ["phone"] = "13812341234", ["address"] = "上海市浦东新区世纪大道1号" },
        ["placedAt"] = Ago(3, now: now),
        ["paidAt"] = Ago(3, minutes: 1, now: now),
        ["paymentMethod"] = "alipay",
        ["currency"] = "CNY",
        ["lines"] = new JsonArray(
            Line(1, "SKU-PHONE", "Phone", "mobile_phone", 1, 3999.00m, PhonePaid, serialNumber: "SN-0001", warrantyMonths: 12),
            Line(2, "SKU-CASE", "Phone case", "accessories", 2, 50.00m, CasesPaid)),
        ["shipments"] = new JsonArray(new JsonObject
        {
            ["carrier"] = "SF", ["waybill"] = "SF1000000001", ["lineNos"] = new JsonArray(1, 2),
            ["shippedAt"] = Ago(2, now: now), ["signedAt"] = Ago(1, now: now),
        }),
    };

    /// <summary>
    /// Days before now, as the API writes times: the sample goods were signed for yesterday, so that every
    /// after-sales request the tests make is inside the consumer-law windows (7 days, 三包 day 1).
    /// Tests on the manual clock pass the service's own <paramref name="now"/>.
    /// </summary>
    public static string Ago(int days, int minutes = 0, DateTimeOffset? now = null) =>
        (now ?? DateTimeOffset.UtcNow).AddDays(-days).AddMinutes(minutes).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Line(int lineNo, string sku, string title, string category, int quantity, decimal unitPrice, decimal paidAmount,
        string[]? flags = null, string? serialNumber = null, int? warrantyMonths = null) => new()
    {
        ["lineNo"] = lineNo, ["sku"] = sku, ["title"] = title, ["category"] = category, ["quantity"] = quantity,
        ["unitPrice"] = unitPrice, ["paidAmount"] = paidAmount,
        ["flags"] = new JsonArray([.. (flags ?? []).Select(f => (JsonNode)f)]),
        ["serialNumber"] = serialNumber, ["warrantyMonths"] = warrantyMonths,
    };

    /// <summary>A case request; without lines it covers line 1 (the phone) once.</summary>
    public static JsonObject CaseRequest(string orderNo, string type, string reason = "quality_issue", decimal? requestedRefund = null,
        params (int LineNo, int Quantity)[] lines)
    {
        if (lines.Length == 0) lines = [(1, 1)];
        var body = new JsonObject
        {
            ["orderNo"] = orderNo, ["type"] = type, ["reason"] = reason,
            ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["lineNo"] = l.LineNo, ["quantity"] = l.Quantity })]),
            ["description"] = "屏幕有坏点",
        };
        if (requestedRefund is not null) body["requestedRefund"] = requestedRefund;
        return body;
    }

    /// <summary>A body with every field any action reads, so that a refusal can only come from the state.</summary>
    public static JsonObject EveryActionField() => new()
    {
        ["reason"] = "probe", ["carrier"] = "SF", ["waybill"] = "SF-PROBE", ["passed"] = true, ["notes"] = "probe",
        ["amount"] = 1.00m, ["outcome"] = "consumer", ["agentId"] = "agent-probe", ["hours"] = 24,
    };
}
