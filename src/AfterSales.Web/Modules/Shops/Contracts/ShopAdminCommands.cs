using AfterSales.Web.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Shops.Domain;
using AfterSales.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Shops.Contracts;

/// <summary>
/// The admin shops page's save: <c>PUT /api/v1/shops/{shopId}</c>'s use case (scope, checks, version, audit) with the
/// version the page showed passed explicitly instead of through an <c>If-Match</c> header.
/// <para>
/// Interim: this repeats the few lines of <c>ShopEndpoints.PutAsync</c>/<c>SaveAsync</c> (which read <c>If-Match</c>
/// from the request) until the Shops module's own explicit-version use case replaces both; it answers the same
/// problems (404 <c>shop.not_found</c>, 400 <c>shop.invalid</c>, 412 <c>shop.version_mismatch</c>).
/// </para>
/// </summary>
public sealed class ShopAdminCommands(AfterSalesDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Creates or replaces a shop's name and return address. <paramref name="expectedVersion"/>: the version the caller
    /// showed; another stored version is 412 <c>shop.version_mismatch</c>. Null: no check (a new shop, or last writer wins).
    /// On a refusal nothing is left tracked, so the page can read again.
    /// </summary>
    public async Task<ShopProfile> SaveAsync(string shopId, string? name, ReturnAddressInput? returnAddress, int? expectedVersion,
        HttpContext http, CancellationToken ct)
    {
        try
        {
            return await PutAsync(shopId, name, returnAddress, expectedVersion, http, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<ShopProfile> PutAsync(string shopId, string? name, ReturnAddressInput? returnAddress, int? expectedVersion,
        HttpContext http, CancellationToken ct)
    {
        // Scope first: a merchant learns nothing about another shop, not even that its body was wrong.
        if (!(await DataScope.OfAsync(http, db, ct)).SeesShop(shopId)) throw NotFound();
        var e = new FieldErrors();
        if (!ShopRules.ShopIdPattern().IsMatch(shopId)) e.Add("shopId", ShopTexts.Get("Error.ShopId"));
        var validName = ShopRules.Name(e, name);
        var address = ShopRules.Address(e, "returnAddress", returnAddress);
        e.ThrowIfAny("shop.invalid");
        // Two first saves of one shop at once: the loser of the insert (key) or of the version check reads again and saves after.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(shopId, validName, address, expectedVersion, http, clock.GetUtcNow(), ct);
            }
            catch (DbUpdateException ex) when ((ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)) && attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ShopProfile> SaveOnceAsync(string shopId, string name, ReturnAddress? address, int? expectedVersion, HttpContext http,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var shop = await db.ShopProfiles.FirstOrDefaultAsync(s => s.ShopId == shopId, ct);
        if (shop is null) db.ShopProfiles.Add(shop = new ShopProfile(shopId));
        else if (expectedVersion is { } v && v != shop.Version) // a stale edit must not overwrite a newer one
            throw new DomainException("shop.version_mismatch", null, new Dictionary<string, object?> { ["currentVersion"] = shop.Version });
        shop.Update(name, address, RequestActor.Of(http).Id, now);
        AuditLog.Append(db, http, Audit.Domain.AuditActions.ShopChanged, shopId, new { version = shop.Version }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return shop;
    }

    private static DomainException NotFound() => new("shop.not_found");
}
