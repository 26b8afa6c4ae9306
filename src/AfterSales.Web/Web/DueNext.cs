using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Web;

/// <summary>What is due next on an open case, in one sentence from the viewer's side, with when and how long is left.</summary>
/// <param name="Text">Who must do what by when ("Merchant must answer by …, otherwise it is agreed automatically").</param>
/// <param name="DueAt">The instant the sentence names (the automatic step, else the SLA target), if any.</param>
/// <param name="Note">A second sentence: the case waits on the consumer, or why the SLA badge names another time.</param>
public sealed record DueNextView(string Text, DateTimeOffset? DueAt, string? Note);

/// <summary>
/// The case page's one story of what comes next. A case has at most one pending automatic step (Case.Timers: 超时自动同意,
/// auto-close, auto-refund, …) counted in calendar time; when it has one, that step is the deadline that moves the
/// case, and the sentence names it. Without one (received, repairing, platform review, complaints) the sentence says
/// who is working on it and, when an SLA clock counts, its target. Texts are keyed <c>Due.{step or status}</c>, with a
/// variant <c>.consumer</c>, <c>.merchant</c> or <c>.platform</c> where the viewer is the one who must act ("you").
/// </summary>
public static class DueNext
{
    public static DueNextView? Of(CaseView c, ActorRole viewer, IStringLocalizer<CaseUi> text)
    {
        if (c.Status is CaseStatus.Closed or CaseStatus.Cancelled) return null;
        var side = viewer switch { ActorRole.Consumer => "consumer", ActorRole.Merchant => "merchant", _ => "platform" };
        var step = c.Deadlines.OrderBy(d => d.DueAt).FirstOrDefault();
        string? sentence;
        DateTimeOffset? due;
        if (step is not null)
        {
            due = step.DueAt;
            sentence = Pick(text, "Due." + step.Step, side) is { } s ? string.Format(s, UiFormat.Time(step.DueAt)) : null;
        }
        else
        {
            var failedRefund = c.Status == CaseStatus.Refunding && c.Refunds.Count > 0 && c.Refunds[^1].Status == RefundStatus.Failed;
            sentence = Pick(text, "Due." + Wire.Name(c.Status) + (failedRefund ? ".failed" : ""), side);
            // The platform's own targets (responses, resolution) are internal service measures: a consumer reads who is
            // working on it, a merchant only the clocks that measure the merchant; staff read the badge's clock.
            var target = c.Status == CaseStatus.Refunding || viewer == ActorRole.Consumer ? null
                : BadgeClock(viewer == ActorRole.Merchant ? [.. c.Sla.Where(k => MerchantMetrics.Contains(k.Metric))] : c.Sla);
            due = target?.DueAt;
            if (sentence is not null)
                sentence = target is { DueAt: { } at }
                    ? string.Format(text["Due.Target"], sentence, UiFormat.Time(at), text["Metric." + target.Metric])
                    : string.Format(text["Due.Plain"], sentence);
        }
        if (sentence is null) return null;
        return new DueNextView(sentence, due, NoteOf(c, viewer, text));
    }

    /// <summary>The SLA clocks that measure the merchant: their list rows and their due-next line name only these.</summary>
    public static readonly string[] MerchantMetrics = ["merchant_response", "refund_after_receipt"];

    /// <summary>
    /// The clock a badge shows: a breached one, else the running one due soonest, else a paused one. The case page's
    /// badge and its due-next line use the same choice, so they name the same clock.
    /// </summary>
    public static SlaView? BadgeClock(IReadOnlyList<SlaView> clocks) =>
        clocks.FirstOrDefault(k => k.State == SlaState.Breached && k.StoppedAt is null)
        ?? clocks.Where(k => k.State == SlaState.Running && k.DueAt is not null).OrderBy(k => k.DueAt).FirstOrDefault()
        ?? clocks.FirstOrDefault(k => k.State == SlaState.Paused);

    private static string? NoteOf(CaseView c, ActorRole viewer, IStringLocalizer<CaseUi> text)
    {
        if (c.WaitingOnConsumer) return Pick(text, "Due.Waiting", viewer == ActorRole.Consumer ? "consumer" : "staff");
        // Staff read why the SLA clocks name other times under the clocks in the side panel; the consumer and the
        // merchant see no SLA clock at all, so there is nothing to explain to them.
        return null;
    }

    private static string? Pick(IStringLocalizer<CaseUi> text, string key, string side)
    {
        var specific = text[key + "." + side];
        if (!specific.ResourceNotFound) return specific.Value;
        var general = text[key];
        return general.ResourceNotFound ? null : general.Value;
    }
}
