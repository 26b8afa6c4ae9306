using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Shops.Domain;
using AfterSales.Web.Modules.Shops.Features;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>
/// Saving a shop's name and return address: the use case of <c>PUT /api/v1/shops/{shopId}</c> (its checks, scope,
/// version check and audit), with the version the caller last saw as an argument instead of an If-Match header.
/// </summary>
public sealed class ShopCommands(AfterSalesDbContext db, TimeProvider clock)
{
    /// <summary>The problem a stale version is refused with (412).</summary>
    public const string VersionMismatch = "shop.version_mismatch";

    /// <summary>
    /// Creates or replaces the shop as the signed-in person. <paramref name="expectedVersion"/> is the version the form
    /// showed (null: no precondition, the last writer wins); a stale one is refused with <c>shop.version_mismatch</c>
    /// and changes nothing. A refused save leaves nothing tracked.
    /// </summary>
    public async Task<ShopView> SaveAsync(HttpContext http, string shopId, PutShopRequest request, int? expectedVersion, CancellationToken ct)
    {
        try
        {
            var saved = await SaveAsync(shopId, request, version => CheckVersion(version, expectedVersion), () => RequestActor.Of(http),
                await DataScope.OfAsync(http, db, ct), db, clock, ct);
            return ShopView.From(saved);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static void CheckVersion(int current, int? expected)
    {
        if (expected is { } v && v != current)
            throw new DomainException(VersionMismatch, null, new Dictionary<string, object?> { ["currentVersion"] = current });
    }

    /// <summary>The use case; <paramref name="checkVersion"/> is given the stored version of an existing shop (a new one has none to check).</summary>
    internal static async Task<ShopProfile> SaveAsync(string shopId, PutShopRequest? body, Action<int> checkVersion, Func<Actor> actorOf,
        DataScope scope, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // Scope first: a merchant learns nothing about another shop, not even that its body was wrong.
        if (!scope.SeesShop(shopId)) throw ShopEndpoints.NotFound();
        var e = new FieldErrors();
        if (!ShopRules.ShopIdPattern().IsMatch(shopId)) e.Add("shopId", ShopTexts.Get("Error.ShopId"));
        var name = ShopRules.Name(e, body?.Name);
        var address = ShopRules.Address(e, "returnAddress", body?.ReturnAddress);
        e.ThrowIfAny("shop.invalid");
        // Two first saves of one shop at once: the loser of the insert (key) or of the version check reads again and saves after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(shopId, name, address, checkVersion, actorOf, db, clock.GetUtcNow(), ct);
            }
            catch (DbUpdateException ex) when ((ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)) && attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<ShopProfile> SaveOnceAsync(string shopId, string name, ReturnAddress? address, Action<int> checkVersion,
        Func<Actor> actorOf, AfterSalesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var shop = await db.ShopProfiles.FirstOrDefaultAsync(s => s.ShopId == shopId, ct);
        if (shop is null) db.ShopProfiles.Add(shop = new ShopProfile(shopId));
        else checkVersion(shop.Version); // a stale edit must not overwrite a newer one
        var actor = actorOf();
        shop.Update(name, address, actor.Id, now);
        // Ids and versions only: the address itself is the shop's business data, kept in its row, not in the chain.
        AuditLog.Append(db, actor.Id, Wire.Name(actor.Role), Audit.Domain.AuditActions.ShopChanged, shopId, new { version = shop.Version }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return shop;
    }
}
