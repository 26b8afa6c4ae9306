using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>Consumers with orders of their own, for the portal's page and rating tests.</summary>
internal static class PortalWorld
{
    /// <summary>A consumer user (its consumer id and sign-in name) with one sample order (signed for yesterday).</summary>
    public static async Task<(string User, string ConsumerId, string OrderNo)> ConsumerWithOrderAsync(Api api, Action<JsonObject>? change = null)
    {
        var consumerId = Samples.NewId("c");
        var orderNo = Samples.NewId("PT");
        var order = Samples.Order(Samples.NewId("shop"), consumerId);
        change?.Invoke(order);
        var put = await api.PutOrderAsync(orderNo, order);
        Assert.True(put.StatusCode == 201, put.ToString());
        var user = Name("consumer");
        var body = User(user, StrongPassword, "consumer");
        body["consumerId"] = consumerId;
        var created = await api.PostAsync("/api/v1/users", body);
        Assert.True(created.StatusCode == 201, created.ToString());
        return (user, consumerId, orderNo);
    }

    /// <summary>Line 1 becomes fresh crabs, flagged perishable: excluded from no-reason returns (消费者权益保护法 第二十五条).</summary>
    public static void Perishable(JsonObject order) =>
        order["lines"]![0] = Samples.Line(1, "SKU-CRAB", "大闸蟹", "fresh_food", 1, 468.00m, 468.00m, flags: ["perishable"]);

    /// <summary>The request form's fields for line 1, once.</summary>
    public static Dictionary<string, string> Form(string type = "return_refund", string reason = "no_reason_7day") => new()
    {
        ["Form.Lines[0].LineNo"] = "1", ["Form.Lines[0].Selected"] = "true", ["Form.Lines[0].Quantity"] = "1",
        ["Form.Lines[1].LineNo"] = "2", ["Form.Lines[1].Quantity"] = "1",
        ["Form.Type"] = type, ["Form.Reason"] = reason, ["Form.Description"] = "不想要了",
    };

    /// <summary>A time as the pages write it (UiFormat.Time): Asia/Shanghai, minutes.</summary>
    public static string Shown(string iso) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
