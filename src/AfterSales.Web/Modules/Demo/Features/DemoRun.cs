using System.Globalization;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>
/// Plays the scenarios against the database the way the endpoints do: open, then one saved change per step, the
/// order-wide refund check before each save. The caller holds the transaction, so a failure leaves nothing behind.
/// </summary>
internal sealed class DemoRun(AfterSalesDbContext db, IReadOnlyDictionary<string, Order> orders, DateTimeOffset now, Random rng, CaseHooks? hooks)
{
    private readonly Dictionary<(string, int), int> _covered = [];

    public int Messages { get; private set; }

    public string Waybill(string carrier) => DemoCatalog.Waybill(carrier, rng);

    public string RefundRef(DateTimeOffset at) =>
        "RF" + at.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + DemoCatalog.Digits(rng, 8);

    public void Message(DemoStep s, string body, bool @internal, Actor author)
    {
        // A demo note is read by its author's default audience (an agent's: the platform only).
        db.Messages.Add(new CaseMessage(s.Case.Id, body, @internal ? NoteAudiences.For(author.Role, null) : null, author, s.Now));
        s.Case.RecordMessage(author, @internal, s.Now);
        Messages++;
    }

    public async Task<Case> RunAsync(DemoScenario scenario, CancellationToken ct)
    {
        var order = orders[scenario.OrderKey];
        var at = now.AddDays(-scenario.DaysAgo);
        var lines = Cover(scenario, order, at);
        var consumer = new Actor(order.ConsumerId, ActorRole.Consumer);
        var opening = new CaseOpening(order.OrderNo, order.ShopId, order.ConsumerId, scenario.Type, scenario.Reason, lines,
            scenario.RequestedRefund, scenario.Description, scenario.Priority, scenario.Channel);
        var c = Case.Open(await CaseNumbers.NextAsync(db, at, ct), opening, consumer, at);
        db.Cases.Add(c);
        if (hooks is not null) await hooks.RunAsync(db, c, at, ct);
        await db.SaveChangesAsync(ct);
        var step = new DemoStep(this, c, consumer, DemoCatalog.Shop(order.ShopId).Staff);
        foreach (var (hours, apply) in scenario.Steps)
        {
            at = at.AddHours(hours);
            // A script that ran into the future would show events that have not happened yet.
            if (at > now) throw Broken(scenario, $"step at {at:O} is after now");
            step.Now = at;
            apply(step);
            await CaseAccess.CheckOrderRefundsAsync(db, c, ct);
            // The same hooks as every endpoint (SLA clocks with their targets and verdicts), judged at the step's time.
            if (hooks is not null) await hooks.RunAsync(db, c, at, ct);
            await db.SaveChangesAsync(ct);
        }
        return c;
    }

    /// <summary>
    /// The case's lines as <c>OpenCase</c> computes them (a share of the paid amount, floored to the fen), and
    /// the realism the eligibility rules would demand: goods cases opened after signing, 七天无理由 within 7 days.
    /// </summary>
    private List<CaseLine> Cover(DemoScenario s, Order order, DateTimeOffset openedAt)
    {
        var result = new List<CaseLine>();
        foreach (var (lineNo, quantity) in s.Lines)
        {
            var line = order.Line(lineNo) ?? throw Broken(s, $"line {lineNo} is not in the order");
            if (s.Type != CaseType.Complaint)
            {
                // Stricter than the service (cancelled cases count too), so any order of the scripts stays valid.
                var key = (order.OrderNo, lineNo);
                _covered[key] = _covered.GetValueOrDefault(key) + quantity;
                if (_covered[key] > line.Quantity) throw Broken(s, $"line {lineNo} is covered beyond its quantity");
                var signed = order.SignedAt(lineNo);
                if (signed > openedAt && s.Reason != CaseReason.NotReceived) throw Broken(s, "opened before the goods were signed for");
                if (s.Reason == CaseReason.NoReason7Day && signed is { } t && openedAt > t.AddDays(7))
                    throw Broken(s, "七天无理由 outside the 7 days after signing");
            }
            var share = quantity == line.Quantity ? line.PaidAmount : Money.FloorToFen(line.PaidAmount * quantity / line.Quantity);
            result.Add(new CaseLine(lineNo, quantity, Money.Normalize(share)));
        }
        return result;
    }

    private static InvalidOperationException Broken(DemoScenario s, string what) =>
        new($"Demo scenario {s.Type}/{s.Reason} on order {s.OrderKey} ({s.Description}): {what}.");
}
