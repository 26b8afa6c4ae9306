using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary>Routes every changed case before it is saved (opening, an appeal, a failed inspection, a timer step).</summary>
internal sealed class RoutingHook(Router router) : ICaseChangeHook
{
    public int Order => CaseHookOrder.Routing;

    public Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        router.RouteAsync(db, c, now, ct);
}
