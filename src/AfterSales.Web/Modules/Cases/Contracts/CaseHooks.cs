using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>
/// A module that keeps state derived from a case (its queue and assignee, its SLA targets) brings it up to date
/// here, before every save of a changed case and in the same transaction, so that it can never lag the case. Cases
/// owns the seam and the order (<see cref="CaseHookOrder"/>); modules above register an implementation.
/// </summary>
public interface ICaseChangeHook
{
    /// <summary>When this hook runs among the others, lowest first: one of <see cref="CaseHookOrder"/>.</summary>
    int Order { get; }

    Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct);
}

/// <summary>The declared order of the case hooks; a new hook takes a slot between these, never its registration order.</summary>
public static class CaseHookOrder
{
    /// <summary>Routing first: an assignment may start an SLA clock.</summary>
    public const int Routing = 100;

    /// <summary>SLA targets and verdicts, after the assignee is known.</summary>
    public const int Sla = 200;

    /// <summary>Refunds into the audit log, from the timeline events the steps above have appended.</summary>
    public const int Audit = 300;

    /// <summary>The shop's return address copied onto a case that starts awaiting the return.</summary>
    public const int ReturnAddress = 400;
}

/// <summary>Runs the registered hooks in their declared order (ties: registration order).</summary>
public sealed class CaseHooks(IEnumerable<ICaseChangeHook> hooks)
{
    private readonly ICaseChangeHook[] _ordered = [.. hooks.OrderBy(h => h.Order)];

    public async Task RunAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var hook in _ordered) await hook.BeforeSaveAsync(db, c, now, ct);
    }
}
