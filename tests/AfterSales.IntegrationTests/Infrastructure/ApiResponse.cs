using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>A response read in full, so that it can be inspected after the connection is gone.</summary>
public sealed class ApiResponse(HttpStatusCode status, byte[] bytes, string? mediaType, IReadOnlyDictionary<string, string> headers)
{
    private JsonNode? _json;

    public HttpStatusCode Status { get; } = status;
    public int StatusCode => (int)Status;
    public byte[] Bytes { get; } = bytes;
    public string Body => Encoding.UTF8.GetString(Bytes);
    public string? MediaType { get; } = mediaType;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public JsonNode Json => _json ??= JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? ETag => Header("ETag");

    /// <summary>The problem's stable <c>code</c>, if the body is a problem.</summary>
    public string? Code => MediaType == "application/problem+json" ? Json["code"]?.GetValue<string>() : null;

    public override string ToString() => $"{StatusCode} {MediaType}: {(Body.Length > 2000 ? Body[..2000] + "…" : Body)}";
}
