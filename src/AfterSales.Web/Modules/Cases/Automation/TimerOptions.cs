namespace AfterSales.Web.Modules.Cases.Automation;

internal sealed class TimerOptions
{
    public const string Section = "AfterSales:Timers";

    /// <summary>Run the worker in this node. Several nodes may run it at once on PostgreSQL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due steps when idle (fire lag is at most this plus one batch).</summary>
    public double PollSeconds { get; set; } = 0.2;

    /// <summary>
    /// How many due rows one claim takes. A batch commits once, so its steps become visible together: small batches
    /// keep the fire lag low under a steady stream; a backlog is still drained batch after batch without a pause.
    /// </summary>
    public int BatchSize { get; set; } = 25;
}
