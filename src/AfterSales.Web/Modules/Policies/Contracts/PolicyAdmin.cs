using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using AfterSales.Web.Modules.Policies.Features;

namespace AfterSales.Web.Modules.Policies.Contracts;

public sealed record PolicyView(string Scope, int Version, PolicyOverride Settings, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static PolicyView From(PolicyVersion v) => new(v.Scope, v.Version, v.Settings, v.CreatedBy, v.CreatedAt);
}

/// <summary>
/// Policy scopes and their versions for the admin pages: the same reads (scoped to what the person sees) and the same
/// save-a-new-version use case as <c>/api/v1/policies</c>.
/// </summary>
public sealed class PolicyAdmin(AfterSalesDbContext db, TimeProvider clock)
{
    /// <summary>Each scope's newest version that the person sees.</summary>
    public async Task<List<PolicyView>> ListAsync(HttpContext http, CancellationToken ct) => (await PolicyEndpoints.ListAsync(http, db, ct)).Value!;

    /// <summary>Every version of a scope, oldest first; <c>policy.not_found</c> for a shop the person does not see.</summary>
    public async Task<List<PolicyView>> VersionsAsync(string scope, HttpContext http, CancellationToken ct) =>
        (await PolicyEndpoints.VersionsAsync(scope, http, db, ct)).Value!;

    /// <summary>Saves a new version of a scope (checks, the legal floor, audit).</summary>
    public async Task<PolicyView> PutAsync(string scope, PolicyOverride? body, HttpContext http, CancellationToken ct) =>
        (await PolicyEndpoints.PutAsync(scope, body, http, db, clock, ct)).Value!;
}
