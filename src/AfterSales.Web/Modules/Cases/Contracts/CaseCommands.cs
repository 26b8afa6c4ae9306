using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Policies.Contracts;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>The question of <c>POST /api/v1/eligibility</c>: would this request be eligible (at <c>at</c>, default now)?</summary>
public sealed record EligibilityRequest(string? OrderNo, string? Type, string? Reason, List<CaseLineRequest>? Lines, string? At);

/// <summary>
/// The case changes the web pages make, through the API's own use cases (the same rules, scope, locks, hooks and
/// audit), with every input named: the person acting and their scope are read from the request's user, and the
/// version a page showed is an argument, never a request header. A refused change leaves nothing tracked, so the page
/// can read the case again on the same request.
/// </summary>
public sealed class CaseCommands(AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, IOptions<AttachmentOptions> attachments,
    ILegalWorkingDays legal)
{
    /// <summary>
    /// Takes an action as the signed-in person. <paramref name="expectedVersion"/> is the version the page showed; a
    /// stale one is refused with <c>case.version_mismatch</c> and changes nothing (null: no precondition).
    /// </summary>
    public Task<CaseView> ActAsync(HttpContext http, string caseNo, string action, ActionRequest request, int? expectedVersion, CancellationToken ct) =>
        RunAsync(async () => await PerformAction.RunAsync(caseNo, action, request, expectedVersion, RequestActor.Of(http),
            await DataScope.OfAsync(http, db, ct), db, clock, hooks, ct));

    /// <summary>
    /// Writes a message (or, for staff, an internal note for <paramref name="audience"/>, null: the author's default)
    /// on the case.
    /// </summary>
    public Task<MessageView> PostMessageAsync(HttpContext http, string caseNo, string? body, bool isInternal, NoteAudience? audience,
        CancellationToken ct) =>
        RunAsync(async () => await Messages.SendAsync(caseNo, new PostMessageRequest(body, isInternal, isInternal ? audience : null), RequestActor.Of(http),
            await DataScope.OfAsync(http, db, ct), db, clock, hooks, ct));

    /// <summary>Adds an evidence image to the case.</summary>
    public Task<AttachmentView> UploadAsync(HttpContext http, string caseNo, IFormFile? file, CancellationToken ct) =>
        RunAsync(async () => await Attachments.AddAsync(caseNo, file, RequestActor.Of(http), await DataScope.OfAsync(http, db, ct),
            db, clock, attachments, ct));

    /// <summary>Opens a case on lines of an order in the person's scope (refused with the eligibility decision when not eligible).</summary>
    public Task<CaseView> OpenAsync(HttpContext http, OpenCaseRequest request, CancellationToken ct) =>
        RunAsync(async () => await OpenCase.RunAsync(request, RequestActor.Of(http), await DataScope.OfAsync(http, db, ct), db, clock, hooks, legal, ct));

    /// <summary>Would the request be eligible? Changes nothing.</summary>
    public async Task<EligibilityView> CheckEligibilityAsync(HttpContext http, EligibilityRequest request, CancellationToken ct) =>
        await CheckEligibility.RunAsync(request, await DataScope.OfAsync(http, db, ct), db, clock, legal, ct);

    /// <summary>The owning consumer rates a finished case once.</summary>
    public Task<RatingView> RateAsync(HttpContext http, string caseNo, RateCaseRequest request, CancellationToken ct) =>
        RunAsync(async () => await RateCase.RunAsync(caseNo, request, await DataScope.OfAsync(http, db, ct), db, clock, ct));

    private async Task<T> RunAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch
        {
            // The use case's transaction was rolled back; its half-made change must not ride along with the next save.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
