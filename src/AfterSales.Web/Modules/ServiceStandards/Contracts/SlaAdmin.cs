using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>
/// SLA policies and their recomputes for the admin pages: the same reads and the same create-or-replace use case as
/// <c>/api/v1/sla-policies</c>, with the version the page showed passed explicitly (the API passes its <c>If-Match</c>).
/// </summary>
public sealed class SlaAdmin(AfterSalesDbContext db, ICalendarSource calendars, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlaPolicyView>> ListAsync(CancellationToken ct) => (await SlaEndpoints.ListAsync(db, ct)).Value!.Items;

    /// <summary>One policy; <c>sla_policy.not_found</c> when there is none.</summary>
    public async Task<SlaPolicyView> GetAsync(string policyId, HttpContext http, CancellationToken ct) =>
        (await SlaEndpoints.GetAsync(policyId, http, db, ct)).Value!;

    /// <summary>
    /// Creates or replaces a policy (checks, audit, the recompute of open cases' clocks). <paramref name="expectedVersion"/>:
    /// the version the caller showed; another stored version is 412 <c>sla_policy.version_mismatch</c>. Null: no check.
    /// </summary>
    public async Task<SlaPolicyView> PutAsync(string policyId, SlaPolicyRequest? body, int? expectedVersion, HttpContext http, CancellationToken ct) =>
        (await SlaEndpoints.SavePolicyAsync(policyId, body, ExpectedVersion.Check(expectedVersion, SlaEndpoints.VersionMismatch),
            http, db, calendars, clock, ct)).Value!;

    /// <summary>One recompute; <c>sla_recompute.not_found</c> when there is none.</summary>
    public async Task<SlaRecomputeView> JobAsync(long jobId, CancellationToken ct) => (await SlaEndpoints.JobAsync(jobId, db, ct)).Value!;

    /// <summary>The 50 newest recomputes.</summary>
    public async Task<IReadOnlyList<SlaRecomputeView>> RecentJobsAsync(CancellationToken ct) => (await SlaEndpoints.RecentJobsAsync(db, ct)).Value!.Items;
}
