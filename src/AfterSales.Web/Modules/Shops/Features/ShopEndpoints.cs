using AfterSales.Web.Data;
using AfterSales.Web.Modules.Shops.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Modules.Shops.Features;

/// <summary>
/// A shop's name and return address. The role gate is the endpoint's policy (403); the shop is DataScope's: a
/// merchant reads and writes its own shops only, and another shop answers exactly as a missing one (404
/// <c>shop.not_found</c>), so its existence does not leak. Staff read every shop; the platform writes every shop.
/// </summary>
internal static class ShopEndpoints
{
    public static RouteGroupBuilder MapShops(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/shops").WithTags("Shops");
        g.MapGet("/{shopId}", GetAsync).WithName("GetShop").RequireAuthorization(ShopSetup.ReadPolicy)
            .WithSummary("A shop's name and return address (merchants: their own shops only; staff: every shop).")
            .ProducesProblem(403).ProducesProblem(404);
        g.MapPut("/{shopId}", PutAsync).WithName("PutShop").RequireAuthorization(ShopSetup.WritePolicy)
            .WithSummary("Create or replace a shop's name and return address (merchants: their own shops; the platform: any). Cases already agreed keep the address they were given. If-Match is checked when sent.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
        return api;
    }

    public static async Task<Ok<ShopView>> GetAsync(string shopId, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        if (!(await DataScope.OfAsync(http, db, ct)).SeesShop(shopId)) throw NotFound();
        var shop = await db.ShopProfiles.AsNoTracking().FirstOrDefaultAsync(s => s.ShopId == shopId, ct) ?? throw NotFound();
        http.Response.Headers.ETag = ETagOf(shop);
        return TypedResults.Ok(ShopView.From(shop));
    }

    public static async Task<Ok<ShopView>> PutAsync(string shopId, PutShopRequest? body, HttpContext http, AfterSalesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        // The API's precondition is the request's If-Match header (absent or "*": none).
        var saved = await ShopCommands.SaveAsync(shopId, body, version => IfMatch.Check(http, version, ShopCommands.VersionMismatch),
            () => RequestActor.Of(http), await DataScope.OfAsync(http, db, ct), db, clock, ct);
        http.Response.Headers.ETag = ETagOf(saved);
        return TypedResults.Ok(ShopView.From(saved));
    }

    private static string ETagOf(ShopProfile s) => $"\"{s.Version}\"";

    internal static DomainException NotFound() => new("shop.not_found");
}
