using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>
/// The rows the load could have written, read straight from the database the killed processes shared, and checked
/// against the journal: every answered effect is there, and nothing happened twice.
/// </summary>
public sealed class StoredState
{
    /// <summary>What a case may refund: the sample order's line 1 (the phone, one) or half of line 2 (one of two cases).</summary>
    private static readonly Dictionary<string, decimal> Ceiling = new()
    {
        ["return_refund"] = Samples.PhonePaid, ["refund_only"] = Samples.CasesPaid / 2,
    };

    /// <summary>The timeline event each step appends once; a second one means the step ran twice.</summary>
    private static readonly Dictionary<Step, string> EventOf = new()
    {
        [Step.Agree] = "agreed", [Step.ShipReturn] = "return_shipped", [Step.ConfirmReceipt] = "return_received",
        [Step.Inspect] = "inspection_passed", [Step.RefundResult] = "refund_succeeded",
    };

    private static readonly string[] OnceAtMost = ["agreed", "return_shipped", "return_received", "inspection_passed", "refund_requested", "refund_succeeded"];

    public sealed record CaseRow(long Id, string CaseNo, string OrderNo, string Type, CaseStatus Status, decimal Refunded);

    private sealed record EventRow(long CaseId, string Type);

    private sealed record RefundRow(Guid Id, long CaseId, RefundStatus Status, decimal Amount);

    private StoredState(List<CaseRow> cases, List<EventRow> events, List<RefundRow> refunds, HashSet<string> orders)
    {
        Cases = cases;
        _events = events;
        _refunds = refunds;
        _orders = orders;
    }

    private readonly List<EventRow> _events;
    private readonly List<RefundRow> _refunds;
    private readonly HashSet<string> _orders;

    public IReadOnlyList<CaseRow> Cases { get; }

    public static async Task<StoredState> ReadAsync(AfterSalesApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        var cases = await app.QueryAsync(db => db.Cases.AsNoTracking()
            .Select(c => new { c.Id, c.CaseNo, c.OrderNo, c.Type, c.Status, c.RefundedAmount }).ToListAsync(ct));
        var events = await app.QueryAsync(db => db.Timeline.AsNoTracking().Select(e => new EventRow(e.CaseId, e.Type)).ToListAsync(ct));
        var refunds = await app.QueryAsync(db => db.Refunds.AsNoTracking()
            .Select(r => new RefundRow(r.Id, r.CaseId, r.Status, r.Amount)).ToListAsync(ct));
        var orders = await app.QueryAsync(db => db.Orders.AsNoTracking().Select(o => o.OrderNo).ToListAsync(ct));
        return new StoredState(
            [.. cases.Select(c => new CaseRow(c.Id, c.CaseNo, c.OrderNo, Wire.Name(c.Type), c.Status, c.RefundedAmount))],
            events, refunds, [.. orders]);
    }

    public int EventCount(long caseId, string type) => _events.Count(e => e.CaseId == caseId && e.Type == type);

    /// <summary>Checks the stored rows against every request of <paramref name="journal"/> that has an answer.</summary>
    public void Check(IReadOnlyList<SentRequest> journal, string when, Violations violations)
    {
        var opened = journal.Where(r => r.Step == Step.OpenCase).ToLookup(r => (r.OrderNo, r.CaseType!));
        foreach (var group in Cases.GroupBy(c => (c.OrderNo, c.Type)))
        {
            if (group.Count() > 1)
                violations.Add("duplicate case for one request",
                    $"{when}: {group.Count()} {group.Key.Type} cases on order {group.Key.OrderNo} ({string.Join(", ", group.Select(c => c.CaseNo))}), " +
                    $"from {opened[group.Key].Count()} request(s) with one key");
            if (!opened.Contains(group.Key))
                violations.Add("case nobody asked for", $"{when}: {group.Key.Type} case on order {group.Key.OrderNo} matches no request");
        }
        foreach (var c in Cases)
        {
            foreach (var type in OnceAtMost)
            {
                var n = EventCount(c.Id, type);
                if (n > 1) violations.Add($"'{type}' more than once", $"{when}: case {c.CaseNo} has {n} '{type}' events");
            }
            var refunds = _refunds.Where(r => r.CaseId == c.Id).ToList();
            if (refunds.Count > 1) violations.Add("more than one refund per case", $"{when}: case {c.CaseNo} has {refunds.Count} refunds");
            var paid = refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount);
            if (c.Refunded != paid || paid > Ceiling.GetValueOrDefault(c.Type))
                violations.Add("money paid twice or miscounted",
                    $"{when}: case {c.CaseNo} ({c.Type}) counts {c.Refunded} refunded, its refunds paid {paid}, ceiling {Ceiling.GetValueOrDefault(c.Type)}");
        }
        foreach (var request in journal.Where(r => r.Answer is { StatusCode: >= 200 and < 300 })) CheckEffect(request, when, violations);
    }

    /// <summary>An answered success is a promise: its effect must be in the database, whatever happened after.</summary>
    private void CheckEffect(SentRequest request, string when, Violations violations)
    {
        string? missing = null;
        // The URLs are /api/v1/orders/{orderNo}, /api/v1/cases/{caseNo}/actions/{action} and /api/v1/refunds/{refundId}/result.
        var id = request.Url.Split('/') is { Length: > 4 } parts ? parts[4] : "";
        switch (request.Step)
        {
            case Step.PutOrder:
                if (!_orders.Contains(request.OrderNo)) missing = "the order is not stored";
                break;
            case Step.OpenCase:
                var caseNo = request.Answer!.Json["caseNo"]?.GetValue<string>();
                if (!Cases.Any(c => c.CaseNo == caseNo && c.OrderNo == request.OrderNo)) missing = $"case {caseNo} is not stored for order {request.OrderNo}";
                break;
            case Step.RefundResult:
                if (!_refunds.Any(r => r.Id == Guid.Parse(id) && r.Status == RefundStatus.Succeeded)) missing = $"refund {id} is not paid";
                break;
            default:
                var acted = Cases.FirstOrDefault(c => c.CaseNo == id);
                if (acted is null || EventCount(acted.Id, EventOf[request.Step]) == 0) missing = $"case {id} has no '{EventOf[request.Step]}' event";
                break;
        }
        if (missing is not null)
            violations.Add("answered effect lost", $"{when}: {missing}, though it was answered {request.Answer!.StatusCode}: {request.Describe()}");
    }
}
