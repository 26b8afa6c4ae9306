namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>
/// One event for one subscription. Created by the fan-out in the transaction that marks the outbox row dispatched;
/// tried by the sender until the receiver answers 2xx (<see cref="Delivered"/>) or the tries run out
/// (<see cref="Dead"/>, until someone redelivers it by hand).
/// </summary>
public sealed class WebhookDelivery
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    private WebhookDelivery() { }

    public WebhookDelivery(Guid subscriptionId, Guid eventId, string eventType, DateTimeOffset now)
    {
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        Status = Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    /// <summary>Increasing, so that the list pages by keyset, newest first.</summary>
    public long Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The outbox message id: the same on every try and every redelivery, so receivers drop duplicates.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";
    public string Status { get; private set; } = Pending;

    /// <summary>Tries started (a try is counted when a sender claims it, so a node that died mid-try used one up).</summary>
    public int Attempts { get; private set; }

    /// <summary>When a sender may take it; while a try is in flight, the end of that sender's lease.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>A manual redelivery: a fresh budget of tries, starting now. Refused while a try is still planned.</summary>
    public bool Redeliver(DateTimeOffset now)
    {
        if (Status == Pending) return false;
        Status = Pending;
        Attempts = 0;
        NextAttemptAt = now;
        DeliveredAt = null;
        return true;
    }
}
