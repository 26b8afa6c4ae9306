using System.Text;
using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>
/// A try's outcome. <see cref="Error"/> is a category, never what the other side said: <c>http_&lt;status&gt;</c>,
/// <c>timeout</c>, <c>connection_failed</c> (refused, reset, DNS, TLS, a broken response) or
/// <c>destination_not_allowed</c> — so the delivery list cannot be read as a port scanner's report.
/// </summary>
internal sealed record PostResult(bool Success, int? StatusCode, string? Error)
{
    public const string Timeout = "timeout";
    public const string ConnectionFailed = "connection_failed";

    public static string Http(int code) => "http_" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One HTTP try. Every failure — refused connection, timeout, non-2xx, redirect — is a result, never a throw.</summary>
internal sealed class WebhookPoster(IHttpClientFactory clients, IOptions<WebhookOptions> options, ILogger<WebhookPoster> log)
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
            return response.IsSuccessStatusCode ? new(true, code, null) : new(false, code, PostResult.Http(code));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, null, PostResult.Timeout);
        }
        catch (Exception e) when (Find<DestinationNotAllowedException>(e) is not null)
        {
            log.LogWarning("Webhook to {Url} refused: its host resolves only to addresses that are not allowed (AfterSales:Webhooks:AllowPrivateAddresses)",
                subscription.Url);
            return new(false, null, WebhookDestination.NotAllowedError);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused connection, TLS or DNS failure, a broken response: the receiver's problem, retried like a 500.
            // The details go to the log for the operator, not into the delivery list (which would map ports).
            log.LogInformation(e, "Webhook try to {Url} failed", subscription.Url);
            return new(false, null, PostResult.ConnectionFailed);
        }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
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
}
