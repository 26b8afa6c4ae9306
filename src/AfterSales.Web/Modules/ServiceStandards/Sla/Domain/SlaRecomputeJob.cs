namespace AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

/// <summary>A recompute of open cases' SLA clocks after a calendar or policy change, with its progress.</summary>
public sealed class SlaRecomputeJob
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Superseded = "superseded";

    private SlaRecomputeJob() { }

    public SlaRecomputeJob(string reason, DateTimeOffset now)
    {
        Reason = reason;
        Status = Queued;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Reason { get; private set; } = "";
    public string Status { get; private set; } = Queued;
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public long LastCaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public string? LeaseOwner { get; private set; }

    internal void Start(int total, DateTimeOffset now)
    {
        Total = total;
        Status = Running;
        StartedAt = now;
    }

    internal void Supersede(DateTimeOffset now)
    {
        Status = Superseded;
        FinishedAt = now;
    }

    internal void Advance(int count, long lastCaseId, bool finished, DateTimeOffset now)
    {
        Processed = Math.Min(Total, Processed + count);
        LastCaseId = lastCaseId;
        if (!finished) return;
        Status = Done;
        Processed = Total;
        FinishedAt = now;
    }
}
