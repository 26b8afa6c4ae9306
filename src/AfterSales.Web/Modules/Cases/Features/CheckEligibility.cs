using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Contracts;
using AfterSales.Web.Modules.Policies.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary><c>source</c> is the bilingual text of the contract; <c>sourceKey</c> names it for a localized rendering.</summary>
internal static class CheckEligibility
{
    public static async Task<Ok<EligibilityView>> HandleAsync(EligibilityRequest? body, HttpContext http, AfterSalesDbContext db, TimeProvider clock,
        ILegalWorkingDays legal, CancellationToken ct) =>
        TypedResults.Ok(await DecideAsync(body, () => DataScope.OfAsync(http, db, ct), db, clock, legal, ct));

    /// <summary>The same question with the asker's scope named.</summary>
    public static Task<EligibilityView> RunAsync(EligibilityRequest? body, DataScope scope, AfterSalesDbContext db, TimeProvider clock,
        ILegalWorkingDays legal, CancellationToken ct) =>
        DecideAsync(body, () => Task.FromResult(scope), db, clock, legal, ct);

    private static async Task<EligibilityView> DecideAsync(EligibilityRequest? body, Func<Task<DataScope>> scopeOf, AfterSalesDbContext db,
        TimeProvider clock, ILegalWorkingDays legal, CancellationToken ct)
    {
        // One code for every bad field of the question, `at` included (it used to answer case.invalid for some
        // fields and validation.failed for `at`, and `at` only once the others were right).
        DateTimeOffset? at = null;
        var (orderNo, type, reason, lines) = OpenCase.Validate(
            body is null ? null : new OpenCaseRequest(body.OrderNo, body.Type, body.Reason, body.Lines, null, null, null, null),
            "eligibility.invalid", e => at = OrderValidator.Time(e, "at", body!.At, required: false));
        at ??= clock.GetUtcNow();
        var order = await (await scopeOf()).Orders(db.Orders.AsNoTracking())
            .FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct) ?? throw new DomainException("order.not_found");
        var caseLines = await OpenCase.CoverAsync(db, order, type, lines, ct);
        var (decision, policy) = await EligibilityCheck.DecideAsync(db, await legal.GetAsync(db, ct), order, type, reason, caseLines.Lines(), at.Value, ct);
        return EligibilityCheck.View(decision, policy);
    }
}

internal static class EligibilityLines
{
    /// <summary>The covered lines as eligibility judges them.</summary>
    public static IReadOnlyList<Policies.Domain.EligibilityLine> Lines(this IReadOnlyList<CaseLine> lines) =>
        [.. lines.Select(l => new Policies.Domain.EligibilityLine(l.LineNo, l.Quantity, l.MaxRefund))];
}
