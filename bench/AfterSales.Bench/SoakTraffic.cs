using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// The soak's traffic: what an integration, a merchant desk and a supervisor do all day, as journeys of one request
/// per step. Each step is one paced request; a journey whose request did not end as expected stops there (the next
/// step would only fail because of it), and the error is counted once.
///
/// <list type="bullet">
/// <item>return_refund (6 in 10): order pushed, eligibility asked, case opened (Idempotency-Key), the requested queue
/// read, the case read (ETag), a message posted, agree (If-Match from that read), ship-return, the case searched for by
/// its number, confirm-receipt, inspect passed, the payment system's refund result, the timeline read, close — 14.</item>
/// <item>refund_only (3 in 10): order, case opened, the same open retried with the same key (the stored answer),
/// the actions on offer read, agree (refund requested), refund result, the same result repeated (changes nothing),
/// the case read, close — 9.</item>
/// <item>cancelled (1 in 10): order, case opened, an internal note, the messages read, cancel, the newest page of all
/// cases and the page after it — 7.</item>
/// <item>one request in <see cref="DashboardEvery"/>: the supervisor dashboard page (signed-in cookie), today's range.</item>
/// </list>
/// </summary>
public sealed class SoakTraffic(HttpClient api, HttpClient supervisor, Uri baseAddress, SoakRecorder recorder, string runTag)
{
    public const int DashboardEvery = 250;
    private const int Shops = 20;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private long _orders;
    private long _casesOpened;

    public long CasesOpened => Interlocked.Read(ref _casesOpened);

    /// <summary>A new journey of the mix, chosen by the client's own generator (reproducible per client).</summary>
    public IAsyncEnumerable<bool> NewJourney(Random rng) => rng.Next(10) switch
    {
        < 6 => ReturnRefundAsync(),
        < 9 => RefundOnlyAsync(),
        _ => CancelledAsync(),
    };

    public async Task DashboardAsync() =>
        await SendAsync(SoakOp.Dashboard, HttpMethod.Get, "/dashboard", null, 200, client: supervisor, json: false);

    // Each journey yields after every request (also after one that failed, before stopping), so that one step of the
    // caller is exactly one request.

    private async IAsyncEnumerable<bool> ReturnRefundAsync()
    {
        var orderNo = await PushOrderAsync();
        yield return true;
        if (orderNo is null) yield break;
        var request = CaseRequest(orderNo, "return_refund", "no_reason_7day", 1, 1);
        var eligible = await SendAsync(SoakOp.Eligibility, HttpMethod.Post, "/api/v1/eligibility", request, 200,
            check: j => j["eligible"]?.GetValue<bool>() == true ? null : "not eligible: " + j.ToJsonString());
        yield return true;
        if (eligible is null) yield break;
        var caseNo = await OpenAsync(request, Guid.NewGuid().ToString("N"));
        yield return true;
        if (caseNo is null) yield break;
        var ok1 = await SendAsync(SoakOp.ListQueue, HttpMethod.Get, "/api/v1/cases?status=requested&limit=50", null, 200) is not null;
        yield return true;
        if (!ok1) yield break;
        var read = await SendAsync(SoakOp.GetCase, HttpMethod.Get, $"/api/v1/cases/{caseNo}", null, 200);
        yield return true;
        if (read is null) yield break;
        var ok2 = await MessageAsync(caseNo, "您好，商品已收到，请尽快处理。", isInternal: false) is not null;
        yield return true;
        if (!ok2) yield break;
        var ok3 = await ActAsync(SoakOp.Agree, caseNo, "agree", new JsonObject(), "awaiting_return", read.ETag) is not null;
        yield return true;
        if (!ok3) yield break;
        var waybill = new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF" + caseNo };
        var ok4 = await ActAsync(SoakOp.ShipReturn, caseNo, "ship-return", waybill, "return_in_transit") is not null;
        yield return true;
        if (!ok4) yield break;
        var found = await SendAsync(SoakOp.Search, HttpMethod.Get, $"/api/v1/cases?q={caseNo}", null, 200,
            check: j => j["items"]?.AsArray().Count == 1 ? null : "search did not find exactly the case");
        yield return true;
        if (found is null) yield break;
        var ok5 = await ActAsync(SoakOp.ConfirmReceipt, caseNo, "confirm-receipt", new JsonObject(), "return_received") is not null;
        yield return true;
        if (!ok5) yield break;
        var inspected = await ActAsync(SoakOp.Inspect, caseNo, "inspect", new JsonObject { ["passed"] = true, ["notes"] = "完好 intact" }, "refunding");
        yield return true;
        if (inspected?["refunds"]?[0]?["refundId"]?.GetValue<string>() is not { } refundId) yield break;
        var ok6 = await RefundResultAsync(SoakOp.RefundResult, refundId, caseNo) is not null;
        yield return true;
        if (!ok6) yield break;
        var ok7 = await SendAsync(SoakOp.Timeline, HttpMethod.Get, $"/api/v1/cases/{caseNo}/timeline", null, 200) is not null;
        yield return true;
        if (!ok7) yield break;
        await ActAsync(SoakOp.Close, caseNo, "close", new JsonObject(), "closed");
        yield return true;
    }

    private async IAsyncEnumerable<bool> RefundOnlyAsync()
    {
        var orderNo = await PushOrderAsync();
        yield return true;
        if (orderNo is null) yield break;
        var request = CaseRequest(orderNo, "refund_only", "not_received", 2, 2);
        var key = Guid.NewGuid().ToString("N");
        var caseNo = await OpenAsync(request, key);
        yield return true;
        if (caseNo is null) yield break;
        // A client that lost the answer retries with the same key: the stored answer, the same case.
        var replay = await SendAsync(SoakOp.OpenCaseReplay, HttpMethod.Post, "/api/v1/cases", request, 201, idempotencyKey: key,
            check: j => j["caseNo"]?.GetValue<string>() == caseNo ? null : "the retry answered another case: " + j["caseNo"]);
        yield return true;
        if (replay is null) yield break;
        var ok8 = await SendAsync(SoakOp.GetActions, HttpMethod.Get, $"/api/v1/cases/{caseNo}/actions", null, 200) is not null;
        yield return true;
        if (!ok8) yield break;
        var agreed = await ActAsync(SoakOp.Agree, caseNo, "agree", new JsonObject(), "refunding");
        yield return true;
        if (agreed?["refunds"]?[0]?["refundId"]?.GetValue<string>() is not { } refundId) yield break;
        var ok9 = await RefundResultAsync(SoakOp.RefundResult, refundId, caseNo) is not null;
        yield return true;
        if (!ok9) yield break;
        var ok10 = await RefundResultAsync(SoakOp.RefundResultRepeat, refundId, caseNo) is not null;
        yield return true;
        if (!ok10) yield break;
        var ok11 = await SendAsync(SoakOp.GetCase, HttpMethod.Get, $"/api/v1/cases/{caseNo}", null, 200,
                check: j => j["status"]?.GetValue<string>() == "refunded" ? null : "not refunded: " + j["status"]) is not null;
        yield return true;
        if (!ok11) yield break;
        await ActAsync(SoakOp.Close, caseNo, "close", new JsonObject(), "closed");
        yield return true;
    }

    private async IAsyncEnumerable<bool> CancelledAsync()
    {
        var orderNo = await PushOrderAsync();
        yield return true;
        if (orderNo is null) yield break;
        var caseNo = await OpenAsync(CaseRequest(orderNo, "return_refund", "quality_issue", 1, 1), Guid.NewGuid().ToString("N"));
        yield return true;
        if (caseNo is null) yield break;
        var ok12 = await MessageAsync(caseNo, "internal: consumer called, will cancel", isInternal: true) is not null;
        yield return true;
        if (!ok12) yield break;
        var ok13 = await SendAsync(SoakOp.ListMessages, HttpMethod.Get, $"/api/v1/cases/{caseNo}/messages", null, 200) is not null;
        yield return true;
        if (!ok13) yield break;
        var ok14 = await ActAsync(SoakOp.Cancel, caseNo, "cancel", new JsonObject(), "cancelled") is not null;
        yield return true;
        if (!ok14) yield break;
        var page = await SendAsync(SoakOp.ListQueue, HttpMethod.Get, "/api/v1/cases?limit=50", null, 200);
        yield return true;
        if (page?["nextCursor"]?.GetValue<string>() is not { } cursor) yield break;
        await SendAsync(SoakOp.ListPage2, HttpMethod.Get, "/api/v1/cases?limit=50&cursor=" + Uri.EscapeDataString(cursor), null, 200);
        yield return true;
    }

    /// <summary>
    /// An order as the shop system pushes it (<c>PUT /api/v1/orders/{orderNo}</c>): placed 3 days ago, signed for
    /// yesterday, so every request of the mix is inside the 7-day window — eligible, unlike the seed's old orders.
    /// </summary>
    private async Task<string?> PushOrderAsync()
    {
        var n = Interlocked.Increment(ref _orders);
        var orderNo = F($"{runTag}{n:D8}");
        var now = DateTimeOffset.UtcNow;
        string Ago(double days) => now.AddDays(-days).ToOffset(Shanghai).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var order = new JsonObject
        {
            ["shopId"] = F($"soak-shop-{n % Shops:D2}"),
            ["consumerId"] = F($"soak-consumer-{n % 997}"),
            ["recipient"] = new JsonObject { ["name"] = "张三", ["phone"] = "13812341234", ["address"] = "上海市浦东新区世纪大道1号" },
            ["placedAt"] = Ago(3), ["paidAt"] = Ago(2.999), ["paymentMethod"] = "alipay", ["currency"] = "CNY",
            ["lines"] = new JsonArray(
                Line(1, "SKU-PHONE", "Phone", "mobile_phone", 1, 3999.00m, 3799.00m, "SN-" + orderNo, 12),
                Line(2, "SKU-CASE", "Phone case", "accessories", 2, 50.00m, 90.00m, null, null)),
            ["shipments"] = new JsonArray(new JsonObject
            {
                ["carrier"] = "SF", ["waybill"] = "SF" + orderNo, ["lineNos"] = new JsonArray(1, 2),
                ["shippedAt"] = Ago(2), ["signedAt"] = Ago(1),
            }),
        };
        return await SendAsync(SoakOp.PutOrder, HttpMethod.Put, $"/api/v1/orders/{orderNo}", order, 201, json: false) is null ? null : orderNo;
    }

    private static JsonObject Line(int lineNo, string sku, string title, string category, int quantity, decimal unitPrice, decimal paid,
        string? serial, int? warrantyMonths) => new()
    {
        ["lineNo"] = lineNo, ["sku"] = sku, ["title"] = title, ["category"] = category, ["quantity"] = quantity,
        ["unitPrice"] = unitPrice, ["paidAmount"] = paid, ["flags"] = new JsonArray(), ["serialNumber"] = serial,
        ["warrantyMonths"] = warrantyMonths,
    };

    private static JsonObject CaseRequest(string orderNo, string type, string reason, int lineNo, int quantity) => new()
    {
        ["orderNo"] = orderNo, ["type"] = type, ["reason"] = reason,
        ["lines"] = new JsonArray(new JsonObject { ["lineNo"] = lineNo, ["quantity"] = quantity }),
        ["description"] = "soak: 屏幕有坏点",
    };

    private async Task<string?> OpenAsync(JsonObject request, string key)
    {
        var opened = await SendAsync(SoakOp.OpenCase, HttpMethod.Post, "/api/v1/cases", request, 201, idempotencyKey: key,
            check: j => j["status"]?.GetValue<string>() == "requested" ? null : "opened as " + j["status"]);
        if (opened is null) return null;
        Interlocked.Increment(ref _casesOpened);
        return opened["caseNo"]!.GetValue<string>();
    }

    private Task<Reply?> MessageAsync(string caseNo, string body, bool isInternal) =>
        SendAsync(SoakOp.PostMessage, HttpMethod.Post, $"/api/v1/cases/{caseNo}/messages",
            new JsonObject { ["body"] = body, ["internal"] = isInternal }, 201, json: false);

    private async Task<JsonNode?> ActAsync(SoakOp op, string caseNo, string action, JsonObject body, string status, string? ifMatch = null) =>
        (await SendAsync(op, HttpMethod.Post, $"/api/v1/cases/{caseNo}/actions/{action}", body, 200, ifMatch: ifMatch,
            check: j => j["status"]?.GetValue<string>() == status ? null : F($"{action} left the case {j["status"]}, not {status}")))?.Json;

    private Task<Reply?> RefundResultAsync(SoakOp op, string refundId, string caseNo) =>
        SendAsync(op, HttpMethod.Post, $"/api/v1/refunds/{refundId}/result",
            new JsonObject { ["outcome"] = "succeeded", ["externalRef"] = "PAY-" + caseNo }, 200,
            check: j => j["status"]?.GetValue<string>() == "succeeded" ? null : "refund " + j["status"]);

    /// <summary>The answer of a request that ended as expected: its JSON (when read) and its ETag.</summary>
    public sealed record Reply(JsonNode? Json, string? ETag)
    {
        public JsonNode? this[string name] => Json?[name];
    }

    /// <summary>
    /// One request, timed from send to the last byte of the body, recorded with its outcome. Anything but the expected
    /// status is an error (the mix only makes requests the service must accept), and so is a body that fails
    /// <paramref name="check"/>. Returns null when the request did not end as expected.
    /// </summary>
    private async Task<Reply?> SendAsync(SoakOp op, HttpMethod method, string path, JsonNode? body, int expected,
        string? idempotencyKey = null, string? ifMatch = null, HttpClient? client = null, bool json = true,
        Func<JsonNode, string?>? check = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            using var response = await (client ?? api).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var status = (int)response.StatusCode;
            if (status != expected)
            {
                recorder.Add(ms, op, status >= 500 ? SoakOutcome.ServerError : SoakOutcome.Unexpected,
                    F($"{method} {path}: {status} {text[..Math.Min(300, text.Length)]}"));
                return null;
            }
            var node = json ? JsonNode.Parse(text) : null;
            if (node is not null && check?.Invoke(node) is { } wrong)
            {
                recorder.Add(ms, op, SoakOutcome.Unexpected, F($"{method} {path}: {wrong}"));
                return null;
            }
            recorder.Add(ms, op, SoakOutcome.Ok, null);
            return new Reply(node, response.Headers.ETag?.ToString());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            recorder.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds, op, SoakOutcome.Transport, F($"{method} {path}: {e.GetType().Name} {e.Message}"));
            return null;
        }
    }
}
