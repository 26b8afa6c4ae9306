using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>
/// Runs due timer steps that belong to another module (SLA warnings and breaches), in the same per-step
/// transaction as the lifecycle steps, so they share the worker's exactly-once guarantee.
/// </summary>
public interface IDueStepHandler
{
    /// <summary>The step names this handler owns start with this prefix.</summary>
    string Prefix { get; }

    /// <summary>Runs the step on the loaded case; false when it is stale (nothing done).</summary>
    Task<bool> RunAsync(AfterSalesDbContext db, Case c, string step, DateTimeOffset now, CancellationToken ct);
}
