using System.Net.Http.Headers;
using System.Text;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>One generated request, byte for byte, with the seed that generates it again and notes on what was mutated.</summary>
public sealed record FuzzRequest(
    Operation Operation, string Principal, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body, string? ContentType, IReadOnlyList<string> Notes)
{
    /// <summary>The CsCheck seed string of this request alone (<c>AFTERSALES_FUZZ_SEED</c> replays it).</summary>
    public string Seed { get; init; } = "";

    /// <summary>Whether it carries an Idempotency-Key, whose answer is stored for replay (an exclusion of <see cref="WriteCheck"/>).</summary>
    public bool HasIdempotencyKey => Headers.Any(h => h.Key == "Idempotency-Key");

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>Everything needed to see the request again, printable (long bodies cut, control characters escaped).</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(Operation.Method).Append(' ').Append(Url.Shorten(300)).Append(" as ").Append(Principal);
        sb.Append("\n    operation: ").Append(Operation.Key).Append("; seed: ").Append(Seed).Append(" (replay: AFTERSALES_FUZZ_SEED=").Append(Seed).Append(')');
        foreach (var (name, value) in Headers) sb.Append("\n    ").Append(name).Append(": ").Append(value.Shorten(120));
        if (Body is not null)
        {
            sb.Append("\n    Content-Type: ").Append(ContentType ?? "(none)").Append("; ").Append(Body.Length).Append(" bytes: ")
                .Append(Encoding.UTF8.GetString(Body).Shorten(600));
        }
        if (Notes.Count > 0) sb.Append("\n    mutations: ").Append(string.Join("; ", Notes));
        return sb.ToString();
    }
}

/// <summary>An answer read in full.</summary>
public sealed record FuzzResponse(int Status, string? MediaType, byte[] Body, MediaTypeHeaderValue? ContentType)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public static async Task<FuzzResponse> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync(ct),
            response.Content.Headers.ContentType);
}
