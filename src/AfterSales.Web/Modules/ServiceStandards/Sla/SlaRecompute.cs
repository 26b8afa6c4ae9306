using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.ServiceStandards.Sla;

/// <summary>A calendar or SLA policy change recomputes the clocks of open cases (filled in by the SLA work).</summary>
public static class SlaRecompute
{
    public static Task EnqueueAsync(AfterSalesDbContext db, string reason, DateTimeOffset now, CancellationToken ct) => Task.CompletedTask;
}
