using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>
/// Before every save of a case: a clock that starts gets its target from the policy (by the case's type, priority
/// and channel as they are then) and every clock that still counts its warning and due instants from the calendar; a clock that just stopped gets its verdict (met, or breached — recorded even when the breach
/// timer had not fired yet); then the warning and breach timers are re-planned. The policy recompute job runs the
/// same step over every open case.
/// </summary>
internal sealed class SlaHook(ICalendarSource calendars) : ICaseChangeHook
{
    public int Order => CaseHookOrder.Sla;

    public async Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        var live = c.Clocks.Where(k => !k.IsStopped || k.AwaitsVerdict).ToList();
        if (live.Count == 0 && !c.Timers.Any(t => t.Step.StartsWith("sla_", StringComparison.Ordinal))) return;
        var policy = await SlaPolicyStore.ForShopAsync(db, c.ShopId, ct);
        await ApplyAsync(db, c, policy, now, ct);
    }

    /// <param name="db">The case's context.</param>
    /// <param name="c">The case.</param>
    /// <param name="policy">The policy that measures it (null: none).</param>
    /// <param name="now">The time of the change.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="cache">Calendars already fetched, shared across the cases of one recompute batch (one version query each, not one per case).</param>
    /// <param name="rematch">A policy or calendar change: match every counting clock's target again. Otherwise a clock keeps
    /// the target it started with, so an escalation that raises the priority tightens the clocks that start after it,
    /// and never turns a clock that was on time into a breach back-dated to before the raise.</param>
    public async Task ApplyAsync(AfterSalesDbContext db, Case c, SlaPolicy? policy, DateTimeOffset now, CancellationToken ct,
        Dictionary<string, IBusinessCalendar>? cache = null, bool rematch = false)
    {
        cache ??= [];
        foreach (var clock in c.Clocks.Where(k => !k.IsStopped || k.AwaitsVerdict).ToList())
        {
            // A breached clock is a record: its target and due instant stay what they were when it breached.
            if (clock.BreachedAt is not null) continue;
            var kept = !rematch && clock.TargetMinutes is not null && clock.CalendarId is not null;
            var target = kept ? null : policy?.Match(clock.Metric, c.Type, c.Priority, c.Channel);
            if (!kept && (target is null || policy is null))
            {
                // No target for this case: not measured. One that already warned keeps its record.
                if (clock.WarnedAt is null) c.DropClock(clock);
                else if (clock.AwaitsVerdict) clock.MarkMet();
                continue;
            }
            var minutes = kept ? clock.TargetMinutes!.Value : target!.Minutes;
            var calendarId = kept ? clock.CalendarId! : target!.CalendarId ?? policy!.CalendarId;
            var share = kept ? clock.WarningShare : policy!.WarningShare;
            if (!cache.TryGetValue(calendarId, out var calendar))
                cache[calendarId] = calendar = await calendars.GetAsync(db, calendarId, ct) ?? AlwaysOpenCalendar.Instance;
            var warnAt = SlaSchedule.PointAt(calendar, clock.StartedAt, clock.Pauses, SlaSchedule.WarningBudget(minutes, share));
            var dueAt = SlaSchedule.PointAt(calendar, clock.StartedAt, clock.Pauses, TimeSpan.FromMinutes(minutes));
            clock.Target(minutes, calendarId, share, warnAt, dueAt);
            if (!clock.AwaitsVerdict) continue;
            if (dueAt is { } due && clock.StoppedAt > due) c.RecordSlaBreach(clock, due, now);
            else clock.MarkMet();
        }
        c.PlanSlaTimers();
    }
}
