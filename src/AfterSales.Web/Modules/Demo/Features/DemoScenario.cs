using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>What a scripted step sees: the case, the moment, the two parties of the order, and the seeder.</summary>
internal sealed class DemoStep(DemoRun run, Case c, Actor consumer, Actor merchant)
{
    public Case Case => c;
    public Actor Consumer => consumer;
    public Actor Merchant => merchant;
    public DateTimeOffset Now { get; set; }
    public DemoRun Run => run;

    /// <summary>The shop's return address, as the agreement would copy it from the shop's profile.</summary>
    public Shops.Domain.ReturnAddress? ReturnAddress => DemoCatalog.Shop(c.ShopId).ReturnAddress;
}

/// <summary>
/// One demo case as a script: opened some days before now by the order's consumer, then moved on only through the
/// aggregate's own methods, each step some hours after the one before, so that the timeline reads like real work.
/// Merchant-side steps default to the shop's staff; platform steps name the agent or supervisor who took them.
/// </summary>
internal sealed class DemoScenario(string orderKey, CaseType type, CaseReason reason, double daysAgo, string description,
    params (int LineNo, int Quantity)[] lines)
{
    private readonly List<(double Hours, Action<DemoStep> Apply)> _steps = [];

    public string OrderKey => orderKey;
    public CaseType Type => type;
    public CaseReason Reason => reason;
    public double DaysAgo => daysAgo;
    public string Description => description;
    public IReadOnlyList<(int LineNo, int Quantity)> Lines => lines;
    public IReadOnlyList<(double Hours, Action<DemoStep> Apply)> Steps => _steps;
    public decimal? RequestedRefund { get; init; }
    public string Priority { get; init; } = "normal";
    public string Channel { get; init; } = "app";

    public DemoScenario Then(double hours, Action<DemoStep> apply)
    {
        _steps.Add((hours, apply));
        return this;
    }

    public DemoScenario Agree(double h, Actor? by = null) => Then(h, s => s.Case.Agree(by ?? s.Merchant, s.Now, s.ReturnAddress));
    public DemoScenario Refuse(double h, string why, Actor? by = null) => Then(h, s => s.Case.Refuse(why, by ?? s.Merchant, s.Now));
    public DemoScenario ShipReturn(double h, string carrier) =>
        Then(h, s => s.Case.ShipReturn(carrier, s.Run.Waybill(carrier), s.Consumer, s.Now));
    public DemoScenario ConfirmReceipt(double h) => Then(h, s => s.Case.ConfirmReceipt(s.Merchant, s.Now));
    public DemoScenario Inspect(double h, bool passed, string notes) => Then(h, s => s.Case.Inspect(passed, notes, s.Merchant, s.Now));
    public DemoScenario Diagnose(double h, string outcome, string notes) => Then(h, s => s.Case.Diagnose(outcome, notes, s.Merchant, s.Now));
    public DemoScenario ShipReplacement(double h, string carrier) =>
        Then(h, s => s.Case.ShipReplacement(carrier, s.Run.Waybill(carrier), s.Merchant, s.Now));
    public DemoScenario ConfirmReplacement(double h) => Then(h, s => s.Case.ConfirmReplacement(s.Consumer, s.Now));
    public DemoScenario Appeal(double h, string why) => Then(h, s => s.Case.Appeal(why, s.Consumer, s.Now));
    public DemoScenario Rule(double h, string outcome, string notes, Actor agent, decimal? amount = null) =>
        Then(h, s => s.Case.Rule(outcome, notes, amount, agent, s.Now, s.ReturnAddress));
    public DemoScenario Respond(double h, string notes, Actor agent) => Then(h, s => s.Case.Respond(notes, agent, s.Now));
    public DemoScenario Resolve(double h, string notes, Actor agent) => Then(h, s => s.Case.Resolve(notes, agent, s.Now));
    public DemoScenario Cancel(double h) => Then(h, s => s.Case.Cancel(s.Consumer, s.Now));
    public DemoScenario Close(double h, Actor? by = null) => Then(h, s => s.Case.Close(by ?? s.Consumer, s.Now));
    public DemoScenario Assign(double h, Actor agent) => Then(h, s => s.Case.Assign(agent.Id, DemoCatalog.Supervisor, s.Now));
    public DemoScenario WaitOnConsumer(double h, string why, Actor? by = null) =>
        Then(h, s => s.Case.WaitOnConsumer(why, by ?? s.Merchant, s.Now));

    /// <summary>The payment system confirms the live refund (原路退回).</summary>
    public DemoScenario Paid(double h) => Then(h, s => s.Case.RecordRefundResult(s.Case.LiveRefund!.Id, RefundStatus.Succeeded,
        s.Run.RefundRef(s.Now), null, DemoCatalog.Payments, s.Now));

    public DemoScenario PayFailed(double h, string message) => Then(h, s => s.Case.RecordRefundResult(s.Case.LiveRefund!.Id,
        RefundStatus.Failed, s.Run.RefundRef(s.Now), message, DemoCatalog.Payments, s.Now));

    /// <summary>A failed refund is retried as a new refund of the same, still unpaid amount.</summary>
    public DemoScenario RetryRefund(double h, Actor by) =>
        Then(h, s => s.Case.Refund(s.Case.ApprovedAmount - s.Case.RefundedAmount, by, s.Now));

    public DemoScenario FromConsumer(double h, string body) => Then(h, s => s.Run.Message(s, body, false, s.Consumer));
    public DemoScenario FromMerchant(double h, string body) => Then(h, s => s.Run.Message(s, body, false, s.Merchant));
    public DemoScenario Reply(double h, Actor agent, string body) => Then(h, s => s.Run.Message(s, body, false, agent));

    /// <summary>An internal note: staff see it, the consumer never does.</summary>
    public DemoScenario Note(double h, Actor author, string body) => Then(h, s => s.Run.Message(s, body, true, author));
}
