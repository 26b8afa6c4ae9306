using System.Text.Json.Serialization;

namespace AfterSales.Web.Modules.Cases.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<SlaState>))]
public enum SlaState
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("met")] Met,
    [JsonStringEnumMemberName("breached")] Breached,
}

/// <summary>A stretch of time in which a clock did not count: the case waited on the consumer.</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// One SLA clock of a case: a target (business minutes on a calendar) counted from <see cref="StartedAt"/>, minus
/// its pauses. The case starts, stops and pauses its clocks from its own events; the target, the due instants and
/// the final verdict come from the SLA policy and the calendar (<c>SlaSchedule</c> in ServiceStandards). Met and breached clocks
/// are kept for reporting. <see cref="Seq"/> numbers the instances of a metric (next_response recurs).
/// </summary>
public sealed class SlaClock
{
    private SlaClock() { }

    internal SlaClock(long caseId, string metric, int seq, DateTimeOffset startedAt)
    {
        CaseId = caseId;
        Metric = metric;
        Seq = seq;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string Metric { get; private set; } = "";
    public int Seq { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public List<SlaPause> Pauses { get; private set; } = [];
    public SlaState State { get; private set; } = SlaState.Running;

    /// <summary>The target in business minutes and where it is counted; null until the policy has been applied.</summary>
    public int? TargetMinutes { get; private set; }
    public string? CalendarId { get; private set; }
    public decimal WarningShare { get; private set; }
    public DateTimeOffset? WarnAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset? WarnedAt { get; private set; }
    public DateTimeOffset? BreachedAt { get; private set; }

    public bool IsStopped => StoppedAt is not null;
    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].To is null;

    /// <summary>Stopped but not yet judged met or breached: the policy step does that with the calendar.</summary>
    public bool AwaitsVerdict => IsStopped && State is SlaState.Running or SlaState.Paused;

    internal void Pause(DateTimeOffset now)
    {
        if (IsStopped || IsPaused) return;
        Pauses = [.. Pauses, new SlaPause(now, null)];
        State = BreachedAt is null ? SlaState.Paused : SlaState.Breached;
    }

    internal void Resume(DateTimeOffset now)
    {
        if (IsStopped || !IsPaused) return;
        Pauses = [.. Pauses[..^1], Pauses[^1] with { To = now }];
        State = BreachedAt is null ? SlaState.Running : SlaState.Breached;
    }

    internal void Stop(DateTimeOffset now)
    {
        if (IsStopped) return;
        if (IsPaused) Pauses = [.. Pauses[..^1], Pauses[^1] with { To = now }];
        StoppedAt = now;
        if (State == SlaState.Paused) State = SlaState.Running; // awaiting its verdict
    }

    internal void Target(int minutes, string calendarId, decimal warningShare, DateTimeOffset? warnAt, DateTimeOffset? dueAt)
    {
        TargetMinutes = minutes;
        CalendarId = calendarId;
        WarningShare = warningShare;
        WarnAt = warnAt;
        DueAt = dueAt;
    }

    internal void MarkWarned(DateTimeOffset now) => WarnedAt ??= now;

    internal void MarkBreached(DateTimeOffset at)
    {
        BreachedAt ??= at;
        State = SlaState.Breached;
    }

    internal void MarkMet() => State = SlaState.Met;
}
