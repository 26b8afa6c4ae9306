using System.Text.Json;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Web;

/// <summary>One line of the case page's timeline: an event (or a run of identical ones) in words.</summary>
/// <param name="Event">The (first) event, as the API has it.</param>
/// <param name="Label">What happened, in words.</param>
/// <param name="Detail">Which SLA clock an SLA event is about.</param>
/// <param name="Status">The status the case moved to, only when the line does not already say it.</param>
/// <param name="Count">How many identical events in a row this line stands for.</param>
public sealed record TimelineRow(TimelineView Event, string Label, string? Detail, string? Status, int Count);

/// <summary>
/// The timeline as people read it. The API keeps every event; the page shows each meaningful one once. It used to
/// write "已拒绝 → 已拒绝", "已关闭 → 已关闭" (the event's name and the status it moved to are the same words), a status
/// that had not changed since the line before, raw step names for the automatic steps (auto_close_no_waybill), and
/// several "SLA 预警" lines in a row without saying which clock.
/// </summary>
public static class TimelineRows
{
    public static IReadOnlyList<TimelineRow> Of(IEnumerable<TimelineView> events, IStringLocalizer<CaseUi> text)
    {
        var rows = new List<TimelineRow>();
        CaseStatus? current = null;
        foreach (var e in events)
        {
            var found = text["Event." + e.Type];
            var label = found.ResourceNotFound ? e.Type : found.Value;
            var detail = Metric(e, text);
            string? status = null;
            if (e.ToStatus is { } to && to != e.FromStatus && to != current)
            {
                var words = text["Status." + Wire.Name(to)].Value;
                status = words == label ? null : words;
            }
            if (e.ToStatus is { } moved) current = moved;
            var last = rows.Count > 0 ? rows[^1] : null;
            if (last is not null && status is null && last.Status is null && last.Label == label && last.Detail == detail
                && last.Event.Role == e.Role && !HasWords(e) && !HasWords(last.Event))
            {
                rows[^1] = last with { Count = last.Count + 1 };
                continue;
            }
            rows.Add(new TimelineRow(e, label, detail, status, 1));
        }
        return rows;
    }

    /// <summary>
    /// The platform's own bookkeeping: queueing, assigning, priority and SLA warnings/escalations measure the desk's
    /// service, not the request; a consumer read "SLA 升级" on their return as if something had gone wrong.
    /// </summary>
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal) { "queued", "assigned", "priority_raised" };

    /// <summary>
    /// The events this viewer reads: the API returns every event to everyone who may see the case, so the page leaves
    /// out the platform's internal ones for the consumer and the merchant (staff keep them all).
    /// </summary>
    public static IEnumerable<TimelineView> For(IEnumerable<TimelineView> events, ActorRole viewer) =>
        viewer is ActorRole.Consumer or ActorRole.Merchant
            ? events.Where(e => !Internal.Contains(e.Type) && !e.Type.StartsWith("sla_", StringComparison.Ordinal))
            : events;

    /// <summary>Which SLA clock an SLA event is about (its data's <c>metric</c>).</summary>
    private static string? Metric(TimelineView e, IStringLocalizer<CaseUi> text) =>
        e.Type.StartsWith("sla_", StringComparison.Ordinal) && e.Data is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.String
            ? text["Metric." + m.GetString()].Value
            : null;

    /// <summary>
    /// What a person wrote with the step (a reason, notes): such events are never folded together. The system's own
    /// reasons are codes ("routing"), not words anyone wrote.
    /// </summary>
    public static IEnumerable<string> Said(TimelineView e)
    {
        if (e.Role == ActorRole.System || e.Data is not { ValueKind: JsonValueKind.Object } data) yield break;
        foreach (var field in new[] { "reason", "notes" })
            if (data.TryGetProperty(field, out var said) && said.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(said.GetString()))
                yield return said.GetString()!;
    }

    private static bool HasWords(TimelineView e) => Said(e).Any();
}
