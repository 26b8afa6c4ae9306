using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>Which SLA policy measures a shop's cases: the one that lists the shop, else the default.</summary>
internal static class SlaPolicyStore
{
    public static async Task<SlaPolicy?> ForShopAsync(AfterSalesDbContext db, string shopId, CancellationToken ct)
    {
        // Policies are few and small; reading them all is one short query and always current on every node.
        return Pick(await db.SlaPolicies.AsNoTracking().ToListAsync(ct), shopId);
    }

    public static SlaPolicy? Pick(IReadOnlyList<SlaPolicy> all, string shopId) =>
        all.FirstOrDefault(p => p.ShopIds.Contains(shopId)) ?? all.FirstOrDefault(p => p.Id == SlaPolicy.DefaultId);
}
