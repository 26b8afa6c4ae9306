using System.Security.Claims;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary><c>/api/v1/api-keys</c>: integration keys an admin creates (the key is shown once), lists and revokes.</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/api-keys").WithTags("Access").RequireAuthorization(AccessSetup.AdminPolicy);
        g.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Create an integration key with roles and shops. The key is in this answer only; the service keeps its SHA-256. Platform admin only.")
            .ProducesValidationProblem().ProducesProblem(403);
        g.MapGet("/", ListAsync).WithName("ListApiKeys")
            .WithSummary("Every key with its roles, shops, creation, revocation and last use (at most a minute stale) — never the key itself.");
        g.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revoke a key: the next request with it is 401. Revoking again changes nothing.").ProducesProblem(404);
    }

    internal static async Task<Created<CreatedApiKey>> CreateAsync(CreateApiKeyRequest? body, HttpContext http, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (body is null) { e.Add("body", "required"); e.ThrowIfAny("api_key.invalid"); }
        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) e.Add("name", "required, at most 200 characters");
        var roles = AccessValidation.Roles(e, body.Roles);
        var shops = AccessValidation.ShopIds(e, body.ShopIds);
        e.ThrowIfAny("api_key.invalid");
        var by = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var created = await IssueAsync(db, name!, roles, shops, by, clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/api-keys/{created.KeyId}", created);
    }

    /// <summary>Shared with the <c>create-key</c> verb.</summary>
    public static async Task<CreatedApiKey> IssueAsync(AfterSalesDbContext db, string name, List<string> roles, List<string> shops,
        string createdBy, DateTimeOffset now, CancellationToken ct)
    {
        var (keyId, key, hash) = ApiKeyStore.NewKey();
        db.ApiKeys.Add(new ApiKey(keyId, name, hash, roles, shops, createdBy.Length > 100 ? createdBy[..100] : createdBy, now));
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(keyId, key);
    }

    internal static async Task<Ok<List<ApiKeyView>>> ListAsync(AfterSalesDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.KeyId).ToListAsync(ct);
        return TypedResults.Ok(keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).Select(ApiKeyView.From).ToList());
    }

    internal static async Task<NoContent> RevokeAsync(string keyId, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct) ?? throw new DomainException("api_key.not_found");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
