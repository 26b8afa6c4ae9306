using System.Text.Json.Nodes;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Domain;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>
/// Refunds are audited from the case's own new timeline events, before its save: money moves in several places
/// (actions, the 10-day auto-refund timer, the payment system's result), and every one of them runs the case
/// hooks in its transaction, so one hook records them all and none can be forgotten by a new path.
/// </summary>
internal sealed class AuditCaseHook : ICaseChangeHook
{
    public int Order => CaseHookOrder.Audit;

    public Task BeforeSaveAsync(AfterSalesDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        // Id 0: not saved yet, so recorded by this transaction (events saved earlier were recorded with their save).
        foreach (var e in c.Timeline.Where(e => e.Id == 0))
        {
            var (action, outcome) = e.Type switch
            {
                "refund_requested" => (AuditActions.RefundRequested, null),
                "refund_succeeded" => (AuditActions.RefundResult, "succeeded"),
                "refund_failed" => (AuditActions.RefundResult, "failed"),
                _ => ((string?)null, (string?)null),
            };
            if (action is null) continue;
            AuditLog.Append(db, e.ActorId, Wire.Name(e.Role), action, c.CaseNo, DataOf(e, outcome), e.At, source: e);
        }
        return Task.CompletedTask;
    }

    /// <summary>Refund id, amount, outcome and the payment reference; the payment system's free-text message is left out (it may name a person).</summary>
    private static string DataOf(TimelineEvent e, string? outcome)
    {
        var source = e.DataJson is null ? null : JsonNode.Parse(e.DataJson)?.AsObject();
        var data = new JsonObject();
        foreach (var key in new[] { "refundId", "amount", "externalRef" })
            if (source?[key] is { } value) data[key] = value.DeepClone();
        if (outcome is not null) data["outcome"] = outcome;
        return data.ToJsonString();
    }
}
