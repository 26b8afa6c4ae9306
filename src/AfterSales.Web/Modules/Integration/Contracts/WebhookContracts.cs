using AfterSales.Web.Modules.Integration.Webhooks.Domain;

namespace AfterSales.Web.Modules.Integration.Contracts;

public sealed record CreateWebhookRequest(string? Url, List<string?>? Events, string? Secret);

public sealed record RotateSecretRequest(string? Secret, double? OverlapHours);

/// <summary>A subscription as the API shows it: never its secret.</summary>
public sealed record WebhookView(Guid WebhookId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? SecretRotatedAt, DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookView From(WebhookSubscription s, DateTimeOffset now) =>
        new(s.Id, s.Url, s.Events, s.CreatedAt, s.CreatedBy, s.SecretRotatedAt, s.PreviousSecretExpiresAt(now));
}

public sealed record DeliveryView(long DeliveryId, Guid WebhookId, Guid EventId, string EventType, string Status, int Attempts,
    int MaxAttempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryView From(WebhookDelivery d) =>
        new(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts, RetrySchedule.MaxAttempts, d.NextAttemptAt,
            d.LastAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt);
}
