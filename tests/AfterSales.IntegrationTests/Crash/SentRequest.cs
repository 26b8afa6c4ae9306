using System.Text;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>What a step of a chain does to the service.</summary>
public enum Step
{
    PutOrder,
    OpenCase,
    Agree,
    ShipReturn,
    ConfirmReceipt,
    Inspect,
    RefundResult,
}

/// <summary>
/// One logical request of the load, as a client journals it before sending: it can be sent again byte for byte
/// (same key, same body) after a crash. <see cref="Answer"/> is the first answer the client got — under load, or,
/// for a request the crash left unanswered, from its first retry; every later retry must return it again.
/// </summary>
public sealed class SentRequest
{
    public required int Round { get; init; }

    /// <summary>The order the chain works on: one order, at most one case of each type on it.</summary>
    public required string OrderNo { get; init; }

    public required Step Step { get; init; }

    public required HttpMethod Method { get; init; }

    public required string Url { get; init; }

    public required string Body { get; init; }

    /// <summary>The <c>Idempotency-Key</c>; null for requests idempotent by nature (PUT, a repeated refund result).</summary>
    public string? Key { get; init; }

    /// <summary>For a case's requests: which case type the chain opened.</summary>
    public string? CaseType { get; init; }

    public ApiResponse? Answer { get; set; }

    /// <summary>Whether <see cref="Answer"/> came before the crash (the client had it) rather than from a retry.</summary>
    public bool AnsweredUnderLoad { get; set; }

    public string Describe() => $"round {Round} {Step} {Method} {Url} key={Key ?? "-"} body={Body}";

    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(Method, Url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        if (Key is not null) request.Headers.Add("Idempotency-Key", Key);
        return request;
    }

    /// <summary>
    /// Sends the request and reads the answer in full; null when no answer came (the process died, or was dead).
    /// Never asserts: the load records what happened and the audit judges it.
    /// </summary>
    public async Task<ApiResponse?> SendAsync(HttpClient http)
    {
        try
        {
            using var request = ToMessage();
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new ApiResponse(response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType, headers);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
