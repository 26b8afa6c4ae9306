using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.Web.Modules.Demo.Seeding.SeedVocabulary;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>Who acts on one seeded case.</summary>
internal sealed record Cast(Actor Consumer, Actor Merchant, Actor Agent);

/// <summary>
/// How cases go, as sequences of the aggregate's own actions. Seeded cases are played through <see cref="Case"/>
/// itself, so every status, version, amount, refund and timeline event is one the service could have produced:
/// a step that the lifecycle rules would refuse throws here instead of writing an impossible row.
/// </summary>
internal static class CaseStories
{
    public delegate void Step(Case c, Cast cast, DateTimeOffset at, Random r);

    private static readonly Step Agree = (c, k, t, _) => c.Agree(k.Merchant, t);
    private static readonly Step ShipReturn = (c, k, t, r) => c.ShipReturn(Pick(r, Carriers), Waybill(r), k.Consumer, t);
    private static readonly Step ConfirmReceipt = (c, k, t, _) => c.ConfirmReceipt(k.Merchant, t);
    private static readonly Step InspectPassed = (c, k, t, r) => c.Inspect(true, Pick(r, Notes), k.Merchant, t);
    private static readonly Step DiagnoseRepair = (c, k, t, r) => c.Diagnose("repair", Pick(r, Notes), k.Merchant, t);
    private static readonly Step RefundSucceeded = (c, _, t, r) =>
        c.RecordRefundResult(c.LiveRefund!.Id, RefundStatus.Succeeded, "PAY" + r.NextInt64(100_000_000_000, 999_999_999_999), null, Actor.System, t);
    private static readonly Step ShipReplacement = (c, k, t, r) => c.ShipReplacement(Pick(r, Carriers), Waybill(r), k.Merchant, t);
    private static readonly Step ConfirmReplacement = (c, k, t, _) => c.ConfirmReplacement(k.Consumer, t);
    private static readonly Step Close = (c, k, t, _) => c.Close(k.Consumer, t);
    private static readonly Step Refuse = (c, k, t, r) => c.Refuse(Pick(r, RefusalReasons), k.Merchant, t);
    private static readonly Step Appeal = (c, k, t, r) => c.Appeal(Pick(r, AppealReasons), k.Consumer, t);
    private static readonly Step RuleForMerchant = (c, k, t, r) => c.Rule("merchant", Pick(r, Notes), null, k.Agent, t);
    private static readonly Step Cancel = (c, k, t, _) => c.Cancel(k.Consumer, t);
    private static readonly Step Assign = (c, k, t, _) => c.Assign(k.Agent.Id, k.Agent, t);
    private static readonly Step Respond = (c, k, t, r) => c.Respond(Pick(r, Notes), k.Agent, t);
    private static readonly Step Resolve = (c, k, t, r) => c.Resolve(Pick(r, Notes), k.Agent, t);

    /// <summary>The usual way to the end, per type (a refund is asked for on agreement or inspection and then paid).</summary>
    public static Step[] Usual(CaseType type) => type switch
    {
        CaseType.RefundOnly => [Agree, RefundSucceeded, Close],
        CaseType.ReturnRefund => [Agree, ShipReturn, ConfirmReceipt, InspectPassed, RefundSucceeded, Close],
        CaseType.Exchange => [Agree, ShipReturn, ConfirmReceipt, InspectPassed, ShipReplacement, ConfirmReplacement],
        CaseType.Repair => [Agree, ShipReturn, ConfirmReceipt, DiagnoseRepair, ShipReplacement, ConfirmReplacement],
        _ => [Assign, Respond, Resolve, Close],
    };

    public static readonly Step[] Cancelled = [Cancel];
    public static readonly Step[] RefusedAndClosed = [Refuse, Close];
    public static readonly Step[] Refused = [Refuse];
    public static readonly Step[] Appealed = [Refuse, Appeal];
    public static readonly Step[] RuledForMerchant = [Refuse, Appeal, RuleForMerchant];
    public static readonly Step[] AssignedOnly = [Assign];

    public static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];

    public static string Waybill(Random r) => r.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
