namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>The event types a subscription may name (API.md "Events out"), as written to the outbox by the aggregates.</summary>
public static class WebhookEvents
{
    /// <summary>Every event, including types added later.</summary>
    public const string All = "*";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        All,
        "case.created",
        "case.status_changed",
        "refund.requested",
        // The refund outcome is in the outbox too; refusing it would only force integrators onto "*".
        "refund.succeeded",
        "refund.failed",
        "sla.warning",
        "sla.breached",
        "sla.escalated",
    };
}
