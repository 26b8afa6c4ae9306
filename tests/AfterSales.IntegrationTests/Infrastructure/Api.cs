using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// Thin HTTP helpers over the public API. Every response is checked for a 5xx here, so that "never a 500"
/// holds for every request any test makes, including the ones in concurrent bursts.
/// </summary>
public sealed class Api(HttpClient http)
{
    public const string Cases = "/api/v1/cases";

    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request, Ct))
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var result = new ApiResponse(response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType, headers);
            Assert.True(result.StatusCode < 500, $"{request.Method} {request.RequestUri} answered a server error: {result}");
            return result;
        }
    }

    public Task<ApiResponse> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>
    /// A POST as an integration sends it: with an <c>Idempotency-Key</c> (a fresh one unless the test names one), so
    /// that every use case the tests drive also runs inside the request's transaction that stores its answer.
    /// </summary>
    public Task<ApiResponse> PostAsync(string url, JsonNode? body, string? idempotencyKey = null, string? ifMatch = null) =>
        SendAsync(Json(HttpMethod.Post, url, body, idempotencyKey ?? "t-" + Guid.NewGuid().ToString("N"), ifMatch));

    public Task<ApiResponse> PutAsync(string url, JsonNode body) => SendAsync(Json(HttpMethod.Put, url, body, null, null));

    /// <summary>A body sent byte for byte, for malformed input.</summary>
    public Task<ApiResponse> SendRawAsync(HttpMethod method, string url, string body, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    public static HttpRequestMessage Json(HttpMethod method, string url, JsonNode? body, string? idempotencyKey, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    // ---- orders ----

    public Task<ApiResponse> PutOrderAsync(string orderNo, JsonNode body) => PutAsync($"/api/v1/orders/{orderNo}", body);

    public Task<ApiResponse> GetOrderAsync(string orderNo) => GetAsync($"/api/v1/orders/{orderNo}");

    /// <summary>Pushes <see cref="Samples.Order"/> (signed for a day before <paramref name="now"/>) under a new order number and returns that number.</summary>
    public async Task<string> CreateOrderAsync(string? shopId = null, Action<JsonObject>? change = null, DateTimeOffset? now = null)
    {
        var orderNo = Samples.NewId("O");
        var order = Samples.Order(shopId ?? Samples.NewId("shop"), now: now);
        change?.Invoke(order);
        var response = await PutOrderAsync(orderNo, order);
        Assert.True(response.StatusCode == 201, response.ToString());
        return orderNo;
    }

    /// <summary>
    /// A shop the platform knows (it has an order), as a merchant's shops and a <c>shop:</c> policy scope must be;
    /// a new id unless one is given. Returns the shop id.
    /// </summary>
    public async Task<string> KnownShopAsync(string? shopId = null)
    {
        var id = shopId ?? Samples.NewId("shop");
        await CreateOrderAsync(id);
        return id;
    }

    // ---- cases ----

    public Task<ApiResponse> TryOpenCaseAsync(JsonNode body, string? idempotencyKey = null) => PostAsync(Cases, body, idempotencyKey);

    public async Task<JsonNode> OpenCaseAsync(string orderNo, string type, string reason = "quality_issue", decimal? requestedRefund = null,
        params (int LineNo, int Quantity)[] lines)
    {
        var response = await TryOpenCaseAsync(Samples.CaseRequest(orderNo, type, reason, requestedRefund, lines));
        Assert.True(response.StatusCode == 201, response.ToString());
        return response.Json;
    }

    public Task<ApiResponse> GetCaseAsync(string caseNo) => GetAsync($"{Cases}/{caseNo}");

    public async Task<JsonNode> CaseAsync(string caseNo)
    {
        var response = await GetCaseAsync(caseNo);
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    public Task<ApiResponse> ActAsync(string caseNo, string action, JsonNode? body = null, string? ifMatch = null, string? idempotencyKey = null) =>
        PostAsync($"{Cases}/{caseNo}/actions/{action}", body ?? new JsonObject(), idempotencyKey, ifMatch);

    /// <summary>Takes an action that must succeed and returns the case after it.</summary>
    public async Task<JsonNode> DoAsync(string caseNo, string action, JsonNode? body = null)
    {
        var response = await ActAsync(caseNo, action, body);
        Assert.True(response.StatusCode == 200, $"{action} on {caseNo}: {response}");
        return response.Json;
    }

    public async Task<List<JsonNode>> ActionsAsync(string caseNo)
    {
        var response = await GetAsync($"{Cases}/{caseNo}/actions");
        Assert.True(response.StatusCode == 200, response.ToString());
        return [.. response.Json.AsArray().Select(a => a!)];
    }

    public async Task<List<JsonNode>> TimelineAsync(string caseNo)
    {
        var response = await GetAsync($"{Cases}/{caseNo}/timeline");
        Assert.True(response.StatusCode == 200, response.ToString());
        return [.. response.Json.AsArray().Select(e => e!)];
    }

    public Task<ApiResponse> ListCasesAsync(string query) => GetAsync($"{Cases}?{query}");

    // ---- refunds ----

    public Task<ApiResponse> RefundResultAsync(string refundId, string outcome, string externalRef, string? message = null) =>
        PostAsync($"/api/v1/refunds/{refundId}/result", new JsonObject
        {
            ["outcome"] = outcome, ["externalRef"] = externalRef, ["message"] = message,
        });

    // ---- attachments ----

    public Task<ApiResponse> UploadAsync(string caseNo, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Cases}/{caseNo}/attachments") { Content = form });
    }
}
