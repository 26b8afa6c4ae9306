using System.Text;
using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

internal sealed record PostResult(bool Success, int? StatusCode, string? Error);

/// <summary>One HTTP try. Every failure — refused connection, timeout, non-2xx, redirect — is a result, never a throw.</summary>
internal sealed class WebhookPoster(IHttpClientFactory clients, IOptions<WebhookOptions> options)
{
    public const string ClientName = "webhooks";

    public async Task<PostResult> PostAsync(WebhookSubscription subscription, OutboxMessage message, DateTimeOffset at, CancellationToken ct)
    {
        var body = Envelope(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.HeaderValue(at.ToUnixTimeSeconds(), body, subscription.SigningSecrets(at)));
        request.Headers.Add(WebhookSignature.EventIdHeader, message.Id.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, message.Type);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new(true, code, null) : new(false, code, $"HTTP {code}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, null, $"timeout after {options.Value.TimeoutSeconds} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused connection, TLS or DNS failure, a broken response: the receiver's problem, retried like a 500.
            return new(false, null, Cut(e.Message));
        }
    }

    /// <summary>
    /// <c>{ id, type, occurredAt, data }</c>; the same bytes on every try (it depends only on the outbox row), so a
    /// receiver's de-duplication by <c>id</c> and its signature check both hold across retries.
    /// </summary>
    public static string Envelope(OutboxMessage message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", message.Id);
            w.WriteString("type", message.Type);
            w.WriteString("occurredAt", message.OccurredAt);
            w.WritePropertyName("data");
            w.WriteRawValue(message.PayloadJson);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Cut(string text) => text.Length <= 500 ? text : text[..500];
}
