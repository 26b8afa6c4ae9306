namespace AfterSales.Web.Modules.Integration.Contracts;

public sealed class WebhookOptions
{
    public const string Section = "AfterSales:Webhooks";

    /// <summary>Run the fan-out and the sender on this node (several nodes may, on either engine).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Real seconds between looks at the outbox and at due deliveries.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>How long a receiver may take to answer before the try counts as failed.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Outbox rows per fan-out transaction, and due deliveries per sender pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Tries in flight at once on one node, so that one slow receiver does not hold back the others.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Overlap of the old and the new secret after a rotation, when the request names none.</summary>
    public double DefaultOverlapHours { get; set; } = 24;

    /// <summary>
    /// Let subscriptions and deliveries reach loopback, private, link-local and other non-public addresses (SSRF
    /// guard off). For a receiver inside the operator's own network, and for tests that receive on 127.0.0.1.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>A claimed try is given back if its sender has not finished by then (it died): the timeout plus a margin.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(TimeoutSeconds + 60);
}
