using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>SLA policies (API.md "Service standards") and the recompute jobs their changes start.</summary>
internal static class SlaEndpoints
{
    public static RouteGroupBuilder MapSla(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/sla-policies").WithTags("Service standards").RequireAuthorization(SlaSetup.ReadPolicy);
        g.MapGet("/", ListAsync).WithName("ListSlaPolicies").WithSummary("Every SLA policy.");
        g.MapGet("/{policyId}", GetAsync).WithName("GetSlaPolicy").WithSummary("One SLA policy.").ProducesProblem(404);
        g.MapPut("/{policyId}", PutAsync).WithName("PutSlaPolicy")
            .WithSummary("Create or replace an SLA policy: targets per case type × priority × channel in business minutes, the warning share, escalations.")
            .WithDescription("A target naming the case type beats one naming the priority, which beats one naming the channel; unnamed "
                + "dimensions match anything. A case is measured by the policy that lists its shop, else by `default`. Saving starts a "
                + "recompute of every open case's clocks (`recomputeJobId`, progress at `GET /api/v1/sla-recomputes/{jobId}`).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(412).RequireAuthorization(SlaSetup.WritePolicy);
        var r = api.MapGroup("/sla-recomputes").WithTags("Service standards").RequireAuthorization(SlaSetup.ReadPolicy);
        r.MapGet("/", RecentJobsAsync).WithName("ListSlaRecomputes").WithSummary("The 50 newest recomputes of open cases' SLA clocks, with progress.");
        r.MapGet("/{jobId:long}", JobAsync).WithName("GetSlaRecompute").WithSummary("One recompute's progress.").ProducesProblem(404);
        return api;
    }

    internal static async Task<Ok<Page<SlaPolicyView>>> ListAsync(AfterSalesDbContext db, CancellationToken ct)
    {
        var rows = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(new Page<SlaPolicyView>(rows.Select(p => SlaPolicyView.From(p)).ToList(), null));
    }

    internal static async Task<Ok<SlaPolicyView>> GetAsync(string policyId, HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        var p = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == policyId, ct)
            ?? throw new DomainException("sla_policy.not_found");
        http.Response.Headers.ETag = $"\"{p.Version}\"";
        return TypedResults.Ok(SlaPolicyView.From(p));
    }

    /// <summary>The HTTP handler: the version expected is the request's <c>If-Match</c> (none: last writer wins).</summary>
    internal static async Task<Ok<SlaPolicyView>> PutAsync(string policyId, SlaPolicyRequest? body, HttpContext http, AfterSalesDbContext db,
        ICalendarSource calendars, TimeProvider clock, CancellationToken ct) =>
        await SavePolicyAsync(policyId, body, v => IfMatch.Check(http, v, VersionMismatch), http, db, calendars, clock, ct);

    internal const string VersionMismatch = "sla_policy.version_mismatch";

    /// <summary>
    /// The use case (the HTTP handler's and <see cref="SlaAdmin"/>'s): create or replace a policy; <paramref name="checkVersion"/>
    /// gets the stored version of an existing policy and throws when the caller's expected one differs.
    /// </summary>
    internal static async Task<Ok<SlaPolicyView>> SavePolicyAsync(string policyId, SlaPolicyRequest? body, Action<int> checkVersion, HttpContext http,
        AfterSalesDbContext db, ICalendarSource calendars, TimeProvider clock, CancellationToken ct)
    {
        var valid = await SlaPolicyValidator.ValidateAsync(policyId, body, db, calendars, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(policyId, valid, checkVersion, http, db, clock, ct);
            }
            catch (Exception ex) when (attempt < 10 && (ex is DbUpdateConcurrencyException
                || (ex is DbUpdateException u && Hosting.UniqueViolation.Is(u))))
            {
                db.ChangeTracker.Clear(); // two saves at once: the later one replaces the earlier, with the next version
            }
        }
    }

    internal static async Task<Ok<SlaPolicyView>> SaveAsync(string policyId, SlaPolicyBody body, Action<int> checkVersion, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var by = RequestActor.Of(http).Id;
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) db.SlaPolicies.Add(policy = new SlaPolicy(policyId, body, 1, by, now));
        else
        {
            // Two admins editing one policy: the one who read an older version must not overwrite the other's edit.
            checkVersion(policy.Version);
            policy.Replace(body, policy.Version + 1, by, now);
        }
        AuditLog.Append(db, http, Audit.Domain.AuditActions.SlaPolicyChanged, policyId, new { version = policy.Version }, now);
        await db.SaveChangesAsync(ct);
        var job = await SlaRecompute.EnqueueAsync(db, $"sla_policy:{policyId}:v{policy.Version}", now, ct);
        await tx.CommitAsync(ct);
        http.Response.Headers.ETag = $"\"{policy.Version}\"";
        return TypedResults.Ok(SlaPolicyView.From(policy, job));
    }

    internal static async Task<Ok<Page<SlaRecomputeView>>> RecentJobsAsync(AfterSalesDbContext db, CancellationToken ct)
    {
        var rows = await db.SlaRecomputeJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(50).ToListAsync(ct);
        return TypedResults.Ok(new Page<SlaRecomputeView>(rows.Select(SlaRecomputeView.From).ToList(), null));
    }

    internal static async Task<Ok<SlaRecomputeView>> JobAsync(long jobId, AfterSalesDbContext db, CancellationToken ct)
    {
        var j = await db.SlaRecomputeJobs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == jobId, ct)
            ?? throw new DomainException("sla_recompute.not_found");
        return TypedResults.Ok(SlaRecomputeView.From(j));
    }
}
