namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>
/// A receiver of events: where to POST, which event types, and the secret the deliveries are signed with.
/// The secret is stored readable because the service must compute HMACs with it (a hash would not do);
/// encrypting it at rest (Data Protection or a KMS key) is a later step.
/// </summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription() { }

    public WebhookSubscription(string url, IReadOnlyList<string> events, string secret, string createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Url = url;
        Events = [.. events.Distinct(StringComparer.Ordinal)];
        Secret = secret;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";
    public List<string> Events { get; private set; } = [];
    public string Secret { get; private set; } = "";

    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretUntil { get; private set; }
    public DateTimeOffset? SecretRotatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public bool Wants(string eventType) => Events.Contains(WebhookEvents.All) || Events.Contains(eventType);

    /// <summary>
    /// A receiver cannot switch secrets at the very instant the service does: during the overlap every delivery is
    /// signed with both, so the receiver may verify with either while it deploys the new one.
    /// </summary>
    public void RotateSecret(string secret, TimeSpan overlap, DateTimeOffset now)
    {
        PreviousSecret = overlap > TimeSpan.Zero ? Secret : null;
        PreviousSecretUntil = overlap > TimeSpan.Zero ? now + overlap : null;
        Secret = secret;
        SecretRotatedAt = now;
    }

    /// <summary>The secrets a delivery at <paramref name="now"/> is signed with: the current one first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretUntil > now ? [Secret, PreviousSecret] : [Secret];

    public DateTimeOffset? PreviousSecretExpiresAt(DateTimeOffset now) => PreviousSecretUntil > now ? PreviousSecretUntil : null;
}
