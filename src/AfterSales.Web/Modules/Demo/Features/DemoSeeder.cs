using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Modules.Demo.Contracts;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>What one seeding wrote, for the log and for callers such as a CLI verb.</summary>
internal sealed record DemoSeedReport(int Orders, int Cases, int Messages, int Refunds, int FailedRefunds,
    IReadOnlyDictionary<CaseStatus, int> CasesByStatus);

/// <summary>
/// On the first start with an empty database, the demo data set (DemoCatalog, DemoOrders, DemoCases), so that a
/// newcomer sees a living system: shops, orders, and cases in every status of every lifecycle.
/// </summary>
internal static class DemoSeeder
{
    /// <summary>The same numbers on every run, so that demos and screenshots can be repeated.</summary>
    private const int RandomSeed = 20261125;

    public static async Task SeedIfWantedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IConfiguration>().GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder).FullName!);
        if (!options.ShouldSeed(services.GetRequiredService<DatabaseOptions>()))
        {
            logger.LogDebug("Demo data is off ({Section}:Seed).", DemoOptions.Section);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        // Only a first start: once anything is in the database, it is somebody's data, demo or not.
        if (await db.Orders.AnyAsync(ct))
        {
            logger.LogInformation("Demo data not seeded: the database already holds orders.");
            return;
        }
        try
        {
            var report = await SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct,
                scope.ServiceProvider.GetService<CaseHooks>());
            logger.LogInformation(
                "Demo data seeded: {Orders} orders, {Cases} cases ({ByStatus}), {Messages} messages, {Refunds} refunds ({FailedRefunds} failed).",
                report.Orders, report.Cases, string.Join(", ", report.CasesByStatus.Select(p => $"{Wire.Name(p.Key)} {p.Value}")),
                report.Messages, report.Refunds, report.FailedRefunds);
            await DemoUsers.SeedAsync(services, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            logger.LogInformation("Demo sign-ins (password {Password}): {Users}. The home page lists them.",
                DemoUsers.Password, string.Join(", ", DemoUsers.All.Select(u => $"{u.UserName} ({u.Role})")));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DomainException)
        {
            // Demo data is a convenience: the service is whole without it (the transaction left nothing behind), and
            // a second node racing this one on a shared PostgreSQL lands here too.
            logger.LogError(e, "Demo data was not seeded; the service starts with an empty database.");
        }
    }

    /// <summary>Writes the whole data set in one transaction, dated relative to <paramref name="now"/>.</summary>
    public static async Task<DemoSeedReport> SeedAsync(AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct = default, CaseHooks? hooks = null)
    {
        var rng = new Random(RandomSeed);
        var orders = DemoOrders.Build(now, rng);
        await using var tx = await db.Database.BeginWriteAsync(ct);
        db.Orders.AddRange(orders.Values);
        foreach (var shop in DemoCatalog.Shops)
        {
            var profile = new Shops.Domain.ShopProfile(shop.Id);
            profile.Update(shop.Name, shop.ReturnAddress, "system", now.AddDays(-90));
            db.ShopProfiles.Add(profile);
        }
        await db.SaveChangesAsync(ct);
        var run = new DemoRun(db, orders, now, rng, hooks);
        var cases = new List<Case>();
        // Oldest first, so that ids and case numbers follow the creation times as they would in real life.
        foreach (var scenario in DemoCases.All().OrderByDescending(s => s.DaysAgo))
            cases.Add(await run.RunAsync(scenario, ct));
        DemoRouting.Add(db, now);
        await db.SaveChangesAsync(ct);
        DemoRouting.Queue(cases, await db.Queues.ToListAsync(ct), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var refunds = cases.SelectMany(c => c.Refunds).ToList();
        return new DemoSeedReport(orders.Count, cases.Count, run.Messages, refunds.Count,
            refunds.Count(r => r.Status == RefundStatus.Failed),
            cases.GroupBy(c => c.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));
    }
}
