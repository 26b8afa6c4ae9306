using System.Text.RegularExpressions;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Policies.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;

namespace AfterSales.Web.Modules.Policies.Features;

/// <summary>Policies as data: each PUT saves a new version of a scope; cases keep the version they were opened under.</summary>
internal static partial class PolicyEndpoints
{
    [GeneratedRegex("^(platform|shop:[A-Za-z0-9_-]{1,64}|category:[^\\s]{1,64})$")]
    private static partial Regex ScopePattern();

    public static RouteGroupBuilder MapPolicies(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/policies").WithTags("Policies");
        // Shop overrides are the shop's business data (DOMAIN.md §10): a merchant reads the platform's and categories'
        // scopes and its own shops'; another shop's scope is 404. What a case would be opened under: every case role
        // may ask for it, but a shop's override in it only of a shop the caller sees (issue 13): for another shop, as
        // for the shop's own scope, 404 policy.not_found, so neither the override nor the shop's existence leaks.
        g.MapGet("/", ListAsync).WithName("ListPolicies").WithSummary("The newest version of every scope the caller may see.")
            .RequireAuthorization(CasePolicies.ReadPolicies);
        g.MapGet("/effective", EffectiveAsync).WithName("GetEffectivePolicy").RequireAuthorization(CasePolicies.Work).ProducesProblem(404)
            .WithSummary("The settings a new case of this shop and category would be opened under; a shop the caller does not see is 404 policy.not_found.");
        g.MapGet("/{scope}", GetAsync).WithName("GetPolicy").ProducesProblem(404).RequireAuthorization(CasePolicies.ReadPolicies);
        g.MapGet("/{scope}/versions", VersionsAsync).WithName("ListPolicyVersions").ProducesProblem(404).RequireAuthorization(CasePolicies.ReadPolicies);
        g.MapPut("/{scope}", PutAsync).WithName("PutPolicy").RequireAuthorization(CasePolicies.Platform).ProducesProblem(403)
            .WithSummary("Save a new version of a scope (platform, shop:{shopId}, category:{category}). Values below the legal floor are refused (422 policy.below_legal_floor).")
            .ProducesValidationProblem().ProducesProblem(422);
        return api;
    }

    internal static async Task<Ok<List<PolicyView>>> ListAsync(HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var scope = await DataScope.OfAsync(http, db, ct);
        var rows = await db.Policies.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(rows.Where(r => Sees(scope, r.Scope)).GroupBy(r => r.Scope)
            .Select(g => PolicyView.From(g.MaxBy(r => r.Version)!)).OrderBy(v => v.Scope).ToList());
    }

    /// <summary>A shop's scope only for those who see the shop; platform and category scopes for every reader.</summary>
    private static bool Sees(DataScope scope, string policyScope) =>
        !policyScope.StartsWith("shop:", StringComparison.Ordinal) || scope.SeesShop(policyScope["shop:".Length..]);

    /// <summary>
    /// The policy a new case of this shop and category would be opened under. Naming a shop the caller does not see
    /// (another merchant's; any shop for a consumer, who sees no shop-level data) is answered as <see cref="GetAsync"/>
    /// answers that shop's scope: 404 <c>policy.not_found</c>, the same as for a shop that does not exist. Without a
    /// shop: the platform's and the category's settings, for every case role.
    /// </summary>
    internal static async Task<Ok<EffectivePolicy>> EffectiveAsync(HttpContext http, AfterSalesDbContext db, CancellationToken ct,
        string shopId = "", string? category = null)
    {
        if (shopId.Length > 0 && !Sees(await DataScope.OfAsync(http, db, ct), "shop:" + shopId)) throw new DomainException("policy.not_found");
        return TypedResults.Ok(await PolicyResolver.ResolveAsync(db, shopId, category, ct));
    }

    internal static async Task<Ok<PolicyView>> GetAsync(string scope, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        if (!Sees(await DataScope.OfAsync(http, db, ct), scope)) throw new DomainException("policy.not_found");
        var v = await db.Policies.AsNoTracking().Where(p => p.Scope == scope).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("policy.not_found");
        return TypedResults.Ok(PolicyView.From(v));
    }

    internal static async Task<Ok<List<PolicyView>>> VersionsAsync(string scope, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        if (!Sees(await DataScope.OfAsync(http, db, ct), scope)) throw new DomainException("policy.not_found");
        var rows = await db.Policies.AsNoTracking().Where(p => p.Scope == scope).OrderBy(p => p.Version).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(PolicyView.From).ToList());
    }

    internal static async Task<Ok<PolicyView>> PutAsync(string scope, PolicyOverride? body, HttpContext http, AfterSalesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (!ScopePattern().IsMatch(scope)) e.Add("scope", "platform, shop:{shopId} or category:{category}");
        if (body is null) e.Add("body", "required");
        e.ThrowIfAny("policy.invalid");
        var (invalid, belowLaw) = body!.Check();
        // A shop's scope must name a known shop (a typo or a shop's name would save a policy nothing ever uses); said
        // together with the settings' own errors. Categories are free text on the order lines, with no list to check.
        if (scope.StartsWith("shop:", StringComparison.Ordinal)
            && (await KnownShops.UnknownAsync(http.RequestServices, db, [scope["shop:".Length..]], ct)).FirstOrDefault() is { } unknown)
            invalid.Add("scope", KnownShops.Unknown(unknown));
        invalid.ThrowIfAny("policy.invalid");
        if (belowLaw.Count > 0)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["settings"] = [.. belowLaw] }, "policy.below_legal_floor");
        // Two saves of one scope at once both read the same last version; on PostgreSQL the second insert then hit
        // the unique (scope, version) index and answered a bare 409 `conflict` (SQLite serializes writers and never
        // did). Saving is not a conflict: the loser reads the new last version and saves after it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveVersionAsync(scope, body, http, db, clock, ct);
            }
            catch (DbUpdateException ex) when (Hosting.UniqueViolation.Is(ex) && attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    internal static async Task<Ok<PolicyView>> SaveVersionAsync(string scope, PolicyOverride body, HttpContext http, AfterSalesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var last = await db.Policies.Where(p => p.Scope == scope).MaxAsync(p => (int?)p.Version, ct) ?? 0;
        var v = new PolicyVersion(scope, last + 1, body, RequestActor.Of(http).Id, clock.GetUtcNow());
        db.Policies.Add(v);
        AuditLog.Append(db, http, Audit.Domain.AuditActions.PolicyChanged, scope, new { version = v.Version }, v.CreatedAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(PolicyView.From(v));
    }
}
