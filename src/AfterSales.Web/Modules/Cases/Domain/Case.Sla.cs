using static AfterSales.Web.Modules.Cases.Domain.SlaMetrics;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// The case's SLA clocks (DOMAIN.md §5). The case alone decides when a clock starts, stops and pauses, from its
/// own events; targets, due instants and verdicts are set by the SLA policy step before each save.
/// </summary>
public sealed partial class Case
{
    // Events that are bookkeeping, not an answer to the consumer.
    private static readonly HashSet<string> NotAResponse =
        ["created", "assigned", "queued", "deadline_extended", "resumed", "priority_raised", "sla_warning", "sla_breached", "sla_escalated"];

    private static readonly CaseStatus[] Finished = [CaseStatus.Refunded, CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Cancelled];

    public List<SlaClock> Clocks { get; private set; } = [];

    /// <summary>The running (or paused) instance of a metric, if any.</summary>
    public SlaClock? OpenClock(string metric) => Clocks.LastOrDefault(c => c.Metric == metric && !c.IsStopped);

    private static bool IsStaff(Actor a) => a.Role is ActorRole.Merchant or ActorRole.Agent or ActorRole.Supervisor or ActorRole.Platform;

    private void ObserveSla(string type, Actor actor, CaseStatus from, CaseStatus? to, DateTimeOffset now)
    {
        if (type == "created")
        {
            StartClock(FirstResponse, now);
            StartClock(Resolution, now);
            if (Type != CaseType.Complaint) StartClock(MerchantResponse, now);
            return;
        }
        if (IsStaff(actor) && !NotAResponse.Contains(type)) Responded(now);
        if (to is not { } next || next == from) return;
        if (from == CaseStatus.Requested) StopClock(MerchantResponse, now);
        if (next == CaseStatus.ReturnReceived && Type == CaseType.ReturnRefund) StartClock(RefundAfterReceipt, now);
        if (next == CaseStatus.Refunded) StopClock(RefundAfterReceipt, now);
        if (Finished.Contains(next)) StopClock(Resolution, now);
        // A case that ends stops whatever still counts: nobody can answer a closed case.
        if (next is CaseStatus.Closed or CaseStatus.Cancelled)
            foreach (var clock in Clocks.Where(c => !c.IsStopped)) clock.Stop(now);
    }

    /// <summary>A message on the case: staff's public answer stops the response clocks; a consumer's starts the next one.</summary>
    public void RecordMessage(Actor actor, bool isInternal, DateTimeOffset now)
    {
        if (isInternal) return;
        if (IsStaff(actor))
        {
            Responded(now);
            return;
        }
        if (actor.Role != ActorRole.Consumer) return;
        // The consumer answered what the case waited for: it counts again (a helpdesk's "pending → open").
        if (WaitingOnConsumer)
        {
            WaitingOnConsumer = false;
            ResumeClocks(now);
            Append(actor, now, "resumed", null, new() { ["by"] = "consumer_message" });
        }
        var firstAnswered = Clocks.Any(c => c.Metric == FirstResponse && c.IsStopped);
        if (firstAnswered && OpenClock(NextResponse) is null && Status is not (CaseStatus.Closed or CaseStatus.Cancelled))
            StartClock(NextResponse, now);
    }

    private void Responded(DateTimeOffset now)
    {
        StopClock(FirstResponse, now);
        StopClock(NextResponse, now);
    }

    private void StartClock(string metric, DateTimeOffset now)
    {
        if (OpenClock(metric) is not null) return;
        var clock = new SlaClock(Id, metric, Clocks.Count(c => c.Metric == metric) + 1, now);
        if (WaitingOnConsumer) clock.Pause(now);
        Clocks.Add(clock);
    }

    private void StopClock(string metric, DateTimeOffset now) => OpenClock(metric)?.Stop(now);

    private void PauseClocks(DateTimeOffset now)
    {
        foreach (var clock in Clocks) clock.Pause(now);
    }

    private void ResumeClocks(DateTimeOffset now)
    {
        foreach (var clock in Clocks) clock.Resume(now);
    }

    /// <summary>A clock's target was dropped by its policy (no target for this case): it is not measured.</summary>
    internal void DropClock(SlaClock clock) => Clocks.Remove(clock);

    public void RecordSlaWarning(SlaClock clock, DateTimeOffset now)
    {
        if (clock.WarnedAt is not null) return;
        clock.MarkWarned(now);
        var data = new Dictionary<string, object?> { ["metric"] = clock.Metric, ["dueAt"] = clock.DueAt, ["targetMinutes"] = clock.TargetMinutes };
        Append(Actor.System, now, "sla_warning", null, data);
        _outbox.Add(OutboxMessage.For("sla.warning", this, now, new { CaseNo, clock.Metric, clock.DueAt, clock.TargetMinutes }));
    }

    /// <summary>The clock ran out of target: recorded once, with when it ran out (before now when the clock stopped late).</summary>
    public void RecordSlaBreach(SlaClock clock, DateTimeOffset at, DateTimeOffset now)
    {
        if (clock.BreachedAt is not null) return;
        clock.MarkBreached(at);
        SlaBreached = true;
        var data = new Dictionary<string, object?> { ["metric"] = clock.Metric, ["dueAt"] = at, ["targetMinutes"] = clock.TargetMinutes };
        Append(Actor.System, now, "sla_breached", null, data);
        _outbox.Add(OutboxMessage.For("sla.breached", this, now, new { CaseNo, clock.Metric, dueAt = at, clock.TargetMinutes }));
    }

    /// <summary>Escalation: one step up (low → normal → high → urgent); false when already urgent.</summary>
    public bool RaisePriority(string metric, DateTimeOffset now)
    {
        var next = Priority switch { "low" => "normal", "normal" => "high", "high" => "urgent", _ => null };
        if (next is null) return false;
        var previous = Priority;
        Priority = next;
        Append(Actor.System, now, "priority_raised", null, new() { ["from"] = previous, ["to"] = next, ["metric"] = metric });
        return true;
    }

    /// <summary>An escalation that tells someone (and, for reassign, who took over); an outbox event for notification channels.</summary>
    public void RecordEscalation(string metric, string on, string action, string? target, DateTimeOffset now)
    {
        Append(Actor.System, now, "sla_escalated", null,
            new() { ["metric"] = metric, ["on"] = on, ["action"] = action, ["target"] = target });
        _outbox.Add(OutboxMessage.For("sla.escalated", this, now, new { CaseNo, metric, on, action, target }));
    }

    /// <summary>The system hands the case to another person (an escalation or routing); the assign rule is for people.</summary>
    public void AssignBySystem(string agentId, string reason, DateTimeOffset now)
    {
        if (agentId == Assignee) return;
        var previous = Assignee;
        Assignee = agentId;
        Append(Actor.System, now, "assigned", Status == CaseStatus.Opened ? CaseStatus.Assigned : null,
            new() { ["agentId"] = agentId, ["previous"] = previous, ["queue"] = Queue, ["reason"] = reason });
    }
}

public sealed partial class Case
{
    public const string SlaWarningStep = "sla_warning:";
    public const string SlaBreachStep = "sla_breach:";

    /// <summary>
    /// One durable timer per coming warning and breach of a counting clock (a paused clock has none: its due instant
    /// is unknown until it resumes). Called after the policy step has set each clock's due instants.
    /// </summary>
    internal void PlanSlaTimers()
    {
        var wanted = new List<(string Step, DateTimeOffset Due)>();
        foreach (var k in Clocks.Where(k => !k.IsStopped && !k.IsPaused && k.BreachedAt is null))
        {
            if (k.WarnedAt is null && k.WarnAt is { } warn) wanted.Add((SlaWarningStep + k.Metric, warn));
            if (k.DueAt is { } due) wanted.Add((SlaBreachStep + k.Metric, due));
        }
        Timers.RemoveAll(t => t.Step.StartsWith("sla_", StringComparison.Ordinal) && !wanted.Contains((t.Step, t.DueAt)));
        foreach (var (step, due) in wanted)
            if (!Timers.Any(t => t.Step == step && t.DueAt == due)) Timers.Add(new CaseTimer(Id, step, due));
    }
}
