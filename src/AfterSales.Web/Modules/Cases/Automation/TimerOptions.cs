namespace AfterSales.Web.Modules.Cases.Automation;

public sealed class TimerOptions
{
    public const string Section = "AfterSales:Timers";

    /// <summary>Run the worker in this node. Several nodes may run it at once on PostgreSQL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due steps when idle.</summary>
    public double PollSeconds { get; set; } = 0.5;

    /// <summary>How many due rows one claim takes.</summary>
    public int BatchSize { get; set; } = 100;
}
