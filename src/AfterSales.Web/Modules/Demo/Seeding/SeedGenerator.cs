using System.Globalization;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using static AfterSales.Web.Modules.Demo.Seeding.CaseStories;
using static AfterSales.Web.Modules.Demo.Seeding.SeedVocabulary;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// Makes the data set: orders placed over the last <see cref="SeedOptions.Days"/> days and cases spread evenly over
/// them, opened in time order (so ids are the creation order, as the open queue assumes), each played through the
/// aggregate to a status. With probability <see cref="SeedOptions.OpenShare"/> a case stays <c>requested</c>.
/// Deterministic for a given random seed and clock.
/// </summary>
internal sealed class SeedGenerator(SeedOptions o, SeedSchema schema, DateTimeOffset now, long firstCaseId, Dictionary<string, long> counters)
{
    private static readonly CaseType[] GoodsTypes = [CaseType.RefundOnly, CaseType.ReturnRefund, CaseType.ReturnRefund, CaseType.Exchange, CaseType.Repair];
    private static readonly TimeSpan CaseLead = TimeSpan.FromDays(10);

    private readonly Random _r = new(o.RandomSeed);
    private readonly DateTimeOffset _end = now.AddHours(-1);
    private readonly Dictionary<CaseStatus, long> _statuses = [];

    public IReadOnlyDictionary<string, long> Counters => counters;
    public IReadOnlyDictionary<CaseStatus, long> Statuses => _statuses;

    public static string OrderNo(string prefix, long n) => prefix + n.ToString("D9", CultureInfo.InvariantCulture);

    public IEnumerable<SeedChunk> Chunks()
    {
        for (long a = 0; a < o.Orders; a += o.Batch) yield return Chunk(a, Math.Min(o.Orders, a + o.Batch));
    }

    private SeedChunk Chunk(long from, long to)
    {
        var chunk = new SeedChunk((int)(to - from));
        var span = TimeSpan.FromDays(o.Days);
        var start = _end - span;
        for (var n = from; n < to; n++)
        {
            // Case i sits on order floor(i * orders / cases): at most one per order, evenly spread.
            var i = o.Cases == 0 ? -1 : (n * o.Cases + o.Orders - 1) / o.Orders;
            var hasCase = i >= 0 && i < o.Cases && i * o.Orders / o.Cases == n;
            DateTimeOffset placed, opened = default;
            if (hasCase)
            {
                opened = start + CaseLead + (span - CaseLead) * ((i + 0.5) / o.Cases);
                placed = opened - TimeSpan.FromHours(_r.Next(30, 240));
            }
            else placed = start + span * ((n + _r.NextDouble()) / o.Orders);
            var order = MakeOrder(OrderNo(o.Prefix, n), placed);
            var orderRow = schema.Orders.Row(order);
            chunk.Orders.Add(orderRow);
            if (!hasCase) continue;

            var id = firstCaseId + i;
            var c = MakeCase(order, opened);
            // Every case and refund decision on an order bumps its lock version (CaseAccess.LockOrderAsync).
            orderRow[schema.OrderLockVersion] = schema.Orders.ToProvider(schema.OrderLockVersion, 1L + c.Refunds.Count);
            var caseRow = schema.Cases.Row(c);
            caseRow[schema.CaseId] = schema.Cases.ToProvider(schema.CaseId, id);
            chunk.Cases.Add(caseRow);
            foreach (var e in c.Timeline) chunk.Timeline.Add(WithCaseId(schema.Timeline.Row(e), schema.EventCaseId, id));
            foreach (var refund in c.Refunds) chunk.Refunds.Add(WithCaseId(schema.Refunds.Row(refund), schema.RefundCaseId, id));
            foreach (var timer in c.Timers) chunk.Timers.Add(WithCaseId(schema.Timers.Row(timer), schema.TimerCaseId, id));
            foreach (var clock in c.Clocks) chunk.Clocks.Add(WithCaseId(schema.Clocks.Row(clock), schema.ClockCaseId, id));
            _statuses[c.Status] = _statuses.GetValueOrDefault(c.Status) + 1;
        }
        return chunk;
    }

    private static object?[] WithCaseId(object?[] row, int index, long id)
    {
        row[index] = id;
        return row;
    }

    private Order MakeOrder(string orderNo, DateTimeOffset placed)
    {
        var paid = placed.AddSeconds(_r.Next(10, 600));
        var lineCount = _r.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        var lines = new List<OrderLine>(lineCount);
        for (var l = 1; l <= lineCount; l++)
        {
            var p = Pick(_r, Products);
            var quantity = _r.Next(4) == 0 ? _r.Next(2, 4) : 1;
            var unit = _r.Next(p.Low, p.High + 1) + (_r.Next(2) == 0 ? 0.00m : 0.90m);
            var full = unit * quantity;
            var paidAmount = _r.Next(4) == 0 ? Money.FloorToFen(full * 0.9m) : full;
            lines.Add(new OrderLine(l, $"SKU-{p.Category}-{_r.Next(10_000, 99_999)}", p.Title, p.Category, quantity,
                Money.Normalize(unit), Money.Normalize(paidAmount), p.Category == "food" ? [LineFlags.Perishable] : [],
                p.Serial ? "SN" + _r.NextInt64(100_000_000_000, 999_999_999_999) : null, p.Serial ? 12 : null));
        }
        var shipped = paid.AddHours(_r.Next(2, 48));
        var signed = shipped.AddHours(_r.Next(12, 96));
        List<Shipment> shipments = shipped > now ? [] :
            [new Shipment(Pick(_r, Carriers), Waybill(_r), lines.Select(x => x.LineNo).ToList(), shipped, signed > now ? null : signed)];
        var place = Pick(_r, Places);
        var recipient = new Recipient(Pick(_r, Surnames) + Pick(_r, GivenNames),
            "1" + _r.Next(3, 10) + _r.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture),
            $"{place.Province}{place.City}{place.District}{Pick(_r, Streets)}{_r.Next(1, 999)}号{_r.Next(1, 30)}栋{_r.Next(101, 2999)}室");
        var data = new OrderData($"shop-{_r.Next(1, 2001):D4}", $"c{_r.Next(1, 400_001):D7}", recipient, placed, paid,
            Pick(_r, PaymentMethods), "CNY", lines, shipments);
        var order = new Order(orderNo);
        order.Replace(data, paid.AddMinutes(1));
        return order;
    }

    private Case MakeCase(Order order, DateTimeOffset opened)
    {
        var open = _r.NextDouble() < o.OpenShare;
        var type = open || _r.Next(20) != 0 ? Pick(_r, GoodsTypes) : CaseType.Complaint;
        var lines = CaseLinesOf(order);
        var opening = new CaseOpening(order.OrderNo, order.ShopId, order.ConsumerId, type, ReasonFor(type), lines, null,
            _r.Next(3) == 0 ? Pick(_r, Descriptions) : null, Pick(_r, Priorities), Pick(_r, Channels));
        var cast = new Cast(new Actor(order.ConsumerId, ActorRole.Consumer), new Actor("merchant:" + order.ShopId, ActorRole.Merchant),
            new Actor($"agent-{_r.Next(1, 200):D3}", ActorRole.Agent));
        var day = CaseNumbers.DayOf(opened);
        var name = CaseNumbers.CounterName(day);
        var seq = counters[name] = counters.GetValueOrDefault(name) + 1;
        var c = Case.Open(CaseNumbers.Format(day, seq), opening, cast.Consumer, opened);
        var story = open ? (_r.Next(10) == 0 ? AssignedOnly : []) : StoryFor(type);
        var at = opened;
        for (var s = 0; s < story.Length; s++)
        {
            // Hours to days between steps. A recent case has not got that far yet: it stops at now (and so the
            // newest cases are the ones still under way), but it keeps the merchant's first answer to stay off the open queue.
            var next = at + TimeSpan.FromMinutes(_r.Next(60, 4 * 24 * 60));
            if (next > now && s > 0) break;
            at = Min(next, now - TimeSpan.FromSeconds(1));
            story[s](c, cast, at, _r);
        }
        c.DequeueOutbox();
        return c;
    }

    private Step[] StoryFor(CaseType type)
    {
        var main = Usual(type);
        if (type == CaseType.Complaint) return _r.Next(10) < 7 ? main : main[..Math.Min(main.Length, _r.Next(0, 4))];
        return _r.Next(100) switch
        {
            < 7 => Cancelled,
            < 12 => RefusedAndClosed,
            < 14 => Refused,
            < 16 => Appealed,
            < 17 => RuledForMerchant,
            < 87 => main,
            // Still under way: stopped somewhere after the merchant's first answer.
            _ => main[..(1 + _r.Next(main.Length - 1))],
        };
    }

    private List<CaseLine> CaseLinesOf(Order order)
    {
        var chosen = _r.Next(10) < 7 ? [Pick(_r, order.Lines.ToArray())] : order.Lines;
        var result = new List<CaseLine>(chosen.Count);
        foreach (var line in chosen)
        {
            var quantity = _r.Next(5) == 0 && line.Quantity > 1 ? _r.Next(1, line.Quantity) : line.Quantity;
            // The same share of what was paid as OpenCase.CoverAsync gives (rounded down to the fen).
            var share = quantity == line.Quantity ? line.PaidAmount : Money.FloorToFen(line.PaidAmount * quantity / line.Quantity);
            result.Add(new CaseLine(line.LineNo, quantity, Money.Normalize(share)));
        }
        return result;
    }

    private CaseReason ReasonFor(CaseType type) => type switch
    {
        CaseType.RefundOnly => Pick(_r, [CaseReason.NotReceived, CaseReason.QualityIssue, CaseReason.NotAsDescribed, CaseReason.Other]),
        CaseType.ReturnRefund => Pick(_r, [CaseReason.NoReason7Day, CaseReason.NoReason7Day, CaseReason.QualityIssue, CaseReason.WrongItem, CaseReason.DamagedInTransit]),
        CaseType.Exchange => Pick(_r, [CaseReason.WrongItem, CaseReason.QualityIssue, CaseReason.MissingParts, CaseReason.NotAsDescribed]),
        CaseType.Repair => CaseReason.QualityIssue,
        _ => Pick(_r, [CaseReason.Other, CaseReason.NotAsDescribed]),
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
