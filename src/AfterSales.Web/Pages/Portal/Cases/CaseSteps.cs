using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.Web.Modules.Cases.Domain.CaseStatus;

namespace AfterSales.Web.Pages.Portal.Cases;

public enum StepState { Done, Current, Todo }

public sealed record CaseStep(string Key, StepState State);

/// <summary>
/// The consumer's step bar: the path a case of this type takes (DOMAIN.md §3), and where this one stands. A refusal
/// or platform review shows as a step of its own after the merchant's; a cancelled case has no bar (it went nowhere).
/// This is a reading of the status for people, not a rule: the case's own rules decide every move.
/// </summary>
public static class CaseSteps
{
    public static IReadOnlyList<CaseStep> Of(CaseType type, CaseStatus status)
    {
        if (status == Cancelled) return [];
        List<string> path = type switch
        {
            CaseType.RefundOnly => ["apply", "merchant", "refund", "done"],
            CaseType.ReturnRefund => ["apply", "merchant", "return", "received", "refund", "done"],
            CaseType.Exchange => ["apply", "merchant", "return", "received", "replacement", "done"],
            CaseType.Repair => ["apply", "merchant", "return", "received", "repair", "done"],
            _ => ["apply", "handling", "response", "done"],
        };
        if (status is Refused or PlatformReview) path.Insert(2, "review");
        var current = status switch
        {
            Requested => "merchant",
            Refused or PlatformReview => "review",
            AwaitingReturn => "return",
            ReturnInTransit => "received",
            // Received: the merchant inspects or diagnoses, then refunds, repairs or sends a replacement.
            ReturnReceived => path[path.IndexOf("received") + 1],
            Repairing or ReplacementShipped => type == CaseType.Exchange ? "replacement" : "repair",
            Refunding => "refund",
            Opened or Assigned => "handling",
            Responded => "response",
            _ => "done", // refunded, resolved, closed
        };
        var at = Math.Max(0, path.IndexOf(current));
        // Closed is the end: every step done, none current.
        var finished = status == Closed;
        return path.Select((key, i) => new CaseStep(key,
            finished || i < at ? StepState.Done : i == at ? StepState.Current : StepState.Todo)).ToList();
    }
}
