using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Policies.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary><c>POST /api/v1/cases</c>: a consumer's after-sales request on lines of one order.</summary>
internal static class OpenCase
{
    public static async Task<Created<CaseView>> HandleAsync(
        OpenCaseRequest? body, HttpContext http, AfterSalesDbContext db, TimeProvider clock, CaseHooks hooks, ILegalWorkingDays legal, CancellationToken ct)
    {
        var c = await OpenAsync(body, () => RequestActor.Of(http), () => DataScope.OfAsync(http, db, ct), db, clock, hooks, legal, ct);
        http.Response.Headers.ETag = CaseAccess.ETagOf(c);
        return TypedResults.Created($"/api/v1/cases/{c.CaseNo}", CaseView.From(c));
    }

    /// <summary>The same use case with the person opening it and their scope named.</summary>
    public static async Task<CaseView> RunAsync(OpenCaseRequest? body, Actor actor, DataScope scope, AfterSalesDbContext db, TimeProvider clock,
        CaseHooks hooks, ILegalWorkingDays legal, CancellationToken ct) =>
        CaseView.From(await OpenAsync(body, () => actor, () => Task.FromResult(scope), db, clock, hooks, legal, ct));

    // The scope and the actor are asked for where the API always asked, so a refusal keeps its order.
    private static async Task<Case> OpenAsync(OpenCaseRequest? body, Func<Actor> actorOf, Func<Task<DataScope>> scopeOf, AfterSalesDbContext db,
        TimeProvider clock, CaseHooks hooks, ILegalWorkingDays legal, CancellationToken ct)
    {
        var (orderNo, type, reason, lines) = Validate(body);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginWriteAsync(ct);
        await CaseAccess.LockOrderAsync(db, orderNo, ct);
        var order = await (await scopeOf()).Orders(db.Orders.AsNoTracking()).FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct)
            ?? throw new DomainException("order.not_found");
        var caseLines = type == CaseType.Complaint && lines.Count == 0 ? [] : await CoverAsync(db, order, type, lines, ct);
        var (decision, policy) = await EligibilityCheck.DecideAsync(db, await legal.GetAsync(db, ct), order, type, reason, caseLines.Lines(), now, ct);
        if (!decision.Eligible)
            throw new DomainException("case.not_eligible", null, new Dictionary<string, object?>
            {
                ["eligibility"] = EligibilityCheck.View(decision, policy),
            });
        var caseNo = await CaseNumbers.NextAsync(db, now, ct);
        var opening = new CaseOpening(orderNo, order.ShopId, order.ConsumerId, type, reason, caseLines, body!.RequestedRefund,
            body.Description, body.Priority, body.Channel, policy.Settings, policy.Version);
        var c = Case.Open(caseNo, opening, actorOf(), now);
        db.Cases.Add(c);
        await hooks.RunAsync(db, c, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    /// <param name="r">The request as received.</param>
    /// <param name="code">The problem code: <c>case.invalid</c>, or the eligibility question's own.</param>
    /// <param name="more">Further fields of the caller's request, checked so that every bad field is reported in one problem.</param>
    internal static (string, CaseType, CaseReason, List<(int LineNo, int Quantity)>) Validate(OpenCaseRequest? r,
        string code = "case.invalid", Action<FieldErrors>? more = null)
    {
        var e = new FieldErrors();
        if (r is null) { e.Add("body", "required"); e.ThrowIfAny(code); }
        if (string.IsNullOrWhiteSpace(r!.OrderNo)) e.Add("orderNo", "required");
        if (!Wire.TryParse<CaseType>(r.Type, out var type)) e.Add("type", "one of " + string.Join(", ", Wire.Names<CaseType>()));
        if (!Wire.TryParse<CaseReason>(r.Reason, out var reason)) e.Add("reason", "one of " + string.Join(", ", Wire.Names<CaseReason>()));
        var lines = new List<(int, int)>();
        var items = r.Lines ?? [];
        if (items.Count == 0 && type != CaseType.Complaint) e.Add("lines", "at least one line is required");
        for (var i = 0; i < items.Count; i++)
        {
            var l = items[i];
            if (l?.LineNo is not > 0) e.Add($"lines[{i}].lineNo", "a positive integer is required");
            if (l?.Quantity is not > 0) e.Add($"lines[{i}].quantity", "must be greater than zero");
            if (l?.LineNo is > 0 && lines.Any(x => x.Item1 == l.LineNo)) e.Add($"lines[{i}].lineNo", "duplicate line number");
            if (l?.LineNo is > 0 && l.Quantity is > 0) lines.Add((l.LineNo.Value, l.Quantity.Value));
        }
        if (r.RequestedRefund is { } amount && (amount < 0 || !Money.HasAtMostTwoPlaces(amount)))
            e.Add("requestedRefund", "zero or more, at most 2 decimal places");
        if (r.Description is { Length: > 2000 }) e.Add("description", "at most 2000 characters");
        if (r.Priority is not (null or "low" or "normal" or "high" or "urgent")) e.Add("priority", "one of low, normal, high, urgent");
        if (r.Channel is { Length: > 16 }) e.Add("channel", "at most 16 characters");
        more?.Invoke(e);
        e.ThrowIfAny(code);
        return (r.OrderNo!, type, reason, lines);
    }

    /// <summary>
    /// A case may cover only lines of its order, for no more than was bought minus what other open or finished
    /// cases already cover; its refund ceiling is its share of what was paid (rounded down to the fen).
    /// </summary>
    internal static async Task<List<CaseLine>> CoverAsync(AfterSalesDbContext db, Order order, CaseType type,
        List<(int LineNo, int Quantity)> wanted, CancellationToken ct)
    {
        var others = await db.Cases.AsNoTracking()
            .Where(c => c.OrderNo == order.OrderNo && c.Status != CaseStatus.Cancelled && c.Type != CaseType.Complaint)
            .Select(c => c.Lines).ToListAsync(ct);
        var covered = others.SelectMany(l => l).GroupBy(l => l.LineNo).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var result = new List<CaseLine>();
        foreach (var (lineNo, quantity) in wanted)
        {
            var line = order.Line(lineNo) ?? throw new DomainException("case.line_not_in_order", null,
                new Dictionary<string, object?> { ["lineNo"] = lineNo });
            var available = type == CaseType.Complaint ? line.Quantity : line.Quantity - covered.GetValueOrDefault(lineNo);
            if (quantity > available)
                throw new DomainException("case.quantity_unavailable", null,
                    new Dictionary<string, object?> { ["lineNo"] = lineNo, ["available"] = Math.Max(0, available) });
            var share = quantity == line.Quantity ? line.PaidAmount : Money.FloorToFen(line.PaidAmount * quantity / line.Quantity);
            result.Add(new CaseLine(lineNo, quantity, Money.Normalize(share)));
        }
        return result;
    }
}
