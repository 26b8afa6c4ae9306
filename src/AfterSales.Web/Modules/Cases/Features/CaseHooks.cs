using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>
/// A module that keeps state derived from a case (its SLA clocks, its queue and assignee) brings it up to date
/// here, before every save of a changed case and in the same transaction, so that it can never lag the case.
/// </summary>
public interface ICaseChangeHook
{
    Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Runs the registered hooks in registration order (routing before SLA: an assignment may start a clock).</summary>
public sealed class CaseHooks(IEnumerable<ICaseChangeHook> hooks)
{
    public async Task RunAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var hook in hooks) await hook.BeforeSaveAsync(db, c, now, ct);
    }
}
