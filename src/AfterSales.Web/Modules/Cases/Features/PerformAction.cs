using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>
/// <c>POST /api/v1/cases/{caseNo}/actions/{action}</c>: lock the order, load, check <c>If-Match</c>, let the aggregate decide,
/// check the order-wide refund invariant, save with the version check, all in one transaction.
/// </summary>
internal static class PerformAction
{
    public static async Task<Ok<CaseView>> HandleAsync(string caseNo, string action, ActionRequest? body, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        var act = Parse(action);
        var actor = RequestActor.Of(http);
        var scope = await DataScope.OfAsync(http, db, ct);
        // The API's precondition is the request's If-Match header (absent or "*": none), checked as every edit checks it.
        var c = await ApplyAsync(caseNo, act, body ?? new ActionRequest(), c => CaseAccess.CheckIfMatch(http, c), actor, scope, db, clock, hooks, ct);
        http.Response.Headers.ETag = CaseAccess.ETagOf(c);
        return TypedResults.Ok(CaseView.From(c));
    }

    /// <summary>
    /// The same use case with every input named: <paramref name="expectedVersion"/> is the version the caller last saw
    /// (null: no precondition); a stale one is refused with <c>case.version_mismatch</c>, as a stale If-Match is.
    /// </summary>
    public static async Task<CaseView> RunAsync(string caseNo, string action, ActionRequest? body, int? expectedVersion, Actor actor,
        DataScope scope, AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct) =>
        CaseView.From(await ApplyAsync(caseNo, Parse(action), body ?? new ActionRequest(), c => CheckVersion(c, expectedVersion), actor, scope,
            db, clock, hooks, ct));

    /// <summary>The version check an explicit expected version makes: the same refusal as a stale If-Match (IfMatch.Check).</summary>
    internal static void CheckVersion(Case c, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != c.Version)
            throw new DomainException("case.version_mismatch", null, new Dictionary<string, object?> { ["currentVersion"] = c.Version });
    }

    private static CaseAction Parse(string action) => Wire.TryParse<CaseAction>(action, out var act) ? act
        : throw new DomainException("not_found", $"Unknown action '{action}'. Known: {string.Join(", ", Wire.Names<CaseAction>())}.");

    private static async Task<Case> ApplyAsync(string caseNo, CaseAction act, ActionRequest body, Action<Case> checkVersion, Actor actor,
        DataScope scope, AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginWriteAsync(ct);
        await CaseAccess.EnsureVisibleAsync(db, caseNo, scope, ct);
        // Lock before reading: a request that waited for the lock must decide on what the previous one committed,
        // not on a stale copy (on PostgreSQL the losers of a race were refused with refund.exceeds_paid instead of 409).
        await CaseAccess.LockOrderOfCaseAsync(db, caseNo, ct);
        var c = await CaseAccess.LoadAsync(db, caseNo, scope, ct);
        checkVersion(c);
        Apply(c, act, body, actor, now);
        await CaseAccess.CheckOrderRefundsAsync(db, c, ct);
        await hooks.RunAsync(db, c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    private static void Apply(Case c, CaseAction action, ActionRequest b, Actor actor, DateTimeOffset now)
    {
        switch (action)
        {
            case CaseAction.Agree: c.Agree(actor, now, GivenReturnAddress(b)); break;
            case CaseAction.Refuse: c.Refuse(b.Reason ?? "", actor, now); break;
            case CaseAction.ShipReturn: c.ShipReturn(b.Carrier ?? "", b.Waybill ?? "", actor, now); break;
            case CaseAction.ConfirmReceipt: c.ConfirmReceipt(actor, now); break;
            case CaseAction.Inspect: c.Inspect(b.Passed ?? throw Missing("passed"), b.Notes, actor, now); break;
            case CaseAction.Diagnose: c.Diagnose(b.Outcome ?? "", b.Notes, actor, now); break;
            case CaseAction.Refund: c.Refund(b.Amount ?? throw Missing("amount"), actor, now); break;
            case CaseAction.ShipReplacement: c.ShipReplacement(b.Carrier ?? "", b.Waybill ?? "", actor, now); break;
            case CaseAction.ConfirmReplacement: c.ConfirmReplacement(actor, now); break;
            case CaseAction.Appeal: c.Appeal(b.Reason ?? "", actor, now); break;
            case CaseAction.Rule: c.Rule(b.Outcome ?? "", b.Notes, b.Amount, actor, now); break;
            case CaseAction.Respond: c.Respond(b.Notes ?? "", actor, now); break;
            case CaseAction.Resolve: c.Resolve(b.Notes ?? "", actor, now); break;
            case CaseAction.Cancel: c.Cancel(actor, now); break;
            case CaseAction.Close: c.Close(actor, now); break;
            case CaseAction.Assign: c.Assign(b.AgentId ?? "", actor, now); break;
            case CaseAction.WaitOnConsumer: c.WaitOnConsumer(b.Reason, actor, now); break;
            case CaseAction.Resume: c.Resume(actor, now); break;
            case CaseAction.ExtendDeadline: c.ExtendDeadline(b.Hours ?? throw Missing("hours"), actor, now); break;
            default: throw new DomainException("not_found");
        }
    }

    /// <summary>The address the agreement names for this case, checked like a shop's; null: the shop's own.</summary>
    private static Shops.Domain.ReturnAddress? GivenReturnAddress(ActionRequest b)
    {
        var e = new FieldErrors();
        var address = Shops.Domain.ShopRules.Address(e, "returnAddress", b.ReturnAddress);
        e.ThrowIfAny();
        return address;
    }

    private static ValidationFailedException Missing(string field) => new(new Dictionary<string, string[]> { [field] = ["required"] });
}
