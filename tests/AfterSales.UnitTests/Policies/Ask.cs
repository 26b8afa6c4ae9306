using System.Globalization;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// Builds orders and asks the eligibility engine, with the platform's zone (Asia/Shanghai), the legal defaults
/// and the weekend-only calendar unless a test says otherwise. Times are ISO 8601 strings with their offset.
/// </summary>
internal static class Ask
{
    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static OrderLine Line(int no = 1, decimal paid = 100.00m, string[]? flags = null, int? warrantyMonths = null) =>
        new(no, $"SKU-{no}", $"Item {no}", "general", 1, paid, paid, flags ?? [], null, warrantyMonths);

    /// <summary>An order whose lines travel in one shipment, signed for at <paramref name="signedAt"/> (null: not yet).</summary>
    public static Order Order(string? signedAt, params OrderLine[] lines) =>
        Order([(lines.Select(l => l.LineNo).ToArray(), signedAt)], lines);

    /// <summary>An order with one shipment per entry: the line numbers it carries and when it was signed for.</summary>
    public static Order Order((int[] LineNos, string? SignedAt)[] shipments, params OrderLine[] lines)
    {
        var order = new Order("SO202611200001");
        var shipped = T("2026-01-01T00:00:00+08:00");
        order.Replace(new OrderData("shop-1", "consumer-1", new Recipient("Li Lei", "13800000000", "Shanghai"), shipped, shipped,
            "wechat", "CNY", lines,
            shipments.Select((s, i) => new Shipment("SF", $"SF{i}", s.LineNos, shipped, s.SignedAt is null ? null : T(s.SignedAt))).ToList()),
            shipped);
        return order;
    }

    public static Eligibility Engine(PolicySettings? policy = null, IWorkingDays? days = null) =>
        new(policy ?? PolicySettings.Default, days ?? WeekendOnlyWorkingDays.Instance, PlatformTime.Zone);

    /// <summary>Asks about every line of the order, each line's share being what was paid for it.</summary>
    public static EligibilityDecision DecideOrder(Order order, CaseType type, CaseReason reason, string at,
        PolicySettings? policy = null, IWorkingDays? days = null, int[]? lineNos = null)
    {
        var lines = order.Lines.Where(l => lineNos is null || lineNos.Contains(l.LineNo))
            .Select(l => new EligibilityLine(l.LineNo, l.Quantity, l.PaidAmount)).ToList();
        return Engine(policy, days).Decide(new EligibilityQuestion(order, type, reason, lines, T(at)));
    }

    /// <summary>One line of 100.00, signed for at <paramref name="signedAt"/>.</summary>
    public static EligibilityDecision Decide(string? signedAt, CaseType type, CaseReason reason, string at,
        string[]? flags = null, int? warrantyMonths = null, PolicySettings? policy = null, IWorkingDays? days = null) =>
        DecideOrder(Order(signedAt, Line(flags: flags, warrantyMonths: warrantyMonths)), type, reason, at, policy, days);

    public static RuleResult Rule(this EligibilityDecision d, string rule) => Assert.Single(d.Reasons, r => r.Rule == rule);
}
