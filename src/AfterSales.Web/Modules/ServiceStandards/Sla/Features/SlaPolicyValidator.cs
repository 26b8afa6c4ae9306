using System.Text.RegularExpressions;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

/// <summary>Turns a PUT body into a policy, or 400 <c>sla_policy.invalid</c> with every bad field at once.</summary>
internal static partial class SlaPolicyValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    public static partial Regex IdPattern();

    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly string[] Ons = ["warning", "breached"];
    private static readonly string[] Actions = ["notify", "raise_priority", "reassign"];

    public static async Task<SlaPolicyBody> ValidateAsync(string policyId, SlaPolicyRequest? r, AfterSalesDbContext db,
        ICalendarSource calendars, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (!IdPattern().IsMatch(policyId)) e.Add("policyId", "1–64 lower-case letters, digits, '_' or '-'");
        if (r is null) { e.Add("body", "required"); e.ThrowIfAny(Code); }
        if (string.IsNullOrWhiteSpace(r!.Name) || r.Name.Length > 128) e.Add("name", "required, at most 128 characters");
        if (string.IsNullOrWhiteSpace(r.CalendarId)) e.Add("calendarId", "required");
        else if (await calendars.GetAsync(db, r.CalendarId, ct) is null) e.Add("calendarId", $"no calendar '{r.CalendarId}'");
        var share = r.WarningShare ?? 0.75m;
        if (share is <= 0 or >= 1 || !Money.HasAtMostTwoPlaces(share)) e.Add("warningShare", "0.01 to 0.99 (e.g. 0.75)");
        var shops = await ShopsAsync(policyId, r.ShopIds ?? [], db, e, ct);
        var targets = await TargetsAsync(r.Targets ?? [], db, calendars, e, ct);
        var escalations = Escalations(r.Escalations ?? [], e);
        // A reassignment to somebody who is not in the agent directory would hand breached cases to nobody.
        var named = escalations.Where(x => x.AgentId is not null).Select(x => x.AgentId!).Distinct().ToList();
        var known = await db.Agents.AsNoTracking().Where(a => named.Contains(a.AgentId)).Select(a => a.AgentId).ToListAsync(ct);
        for (var i = 0; i < (r.Escalations ?? []).Count; i++)
            if (r.Escalations![i]?.AgentId is { } id && named.Contains(id) && !known.Contains(id))
                e.Add($"escalations[{i}].agentId", $"no agent '{id}' (PUT /api/v1/agents/{{agentId}} first)");
        var queues = escalations.Where(x => x.QueueId is not null).Select(x => x.QueueId!).Distinct().ToList();
        var knownQueues = await db.Queues.AsNoTracking().Where(q => queues.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        for (var i = 0; i < (r.Escalations ?? []).Count; i++)
            if (r.Escalations![i]?.QueueId is { } q && queues.Contains(q) && !knownQueues.Contains(q))
                e.Add($"escalations[{i}].queueId", $"no queue '{q}'");
        e.ThrowIfAny(Code);
        return new SlaPolicyBody(r.Name!.Trim(), r.CalendarId!, share, shops, targets, escalations);
    }

    public const string Code = "sla_policy.invalid";

    private static async Task<List<string>> ShopsAsync(string policyId, List<string?> shopIds, AfterSalesDbContext db, FieldErrors e, CancellationToken ct)
    {
        var others = (await db.SlaPolicies.AsNoTracking().Where(p => p.Id != policyId).ToListAsync(ct))
            .SelectMany(p => p.ShopIds.Select(s => (Shop: s, Policy: p.Id))).ToDictionary(x => x.Shop, x => x.Policy);
        var shops = new List<string>();
        for (var i = 0; i < shopIds.Count; i++)
        {
            var s = shopIds[i];
            if (string.IsNullOrWhiteSpace(s) || s.Length > 64) e.Add($"shopIds[{i}]", "1–64 characters");
            else if (shops.Contains(s)) e.Add($"shopIds[{i}]", "listed twice");
            // One shop, one policy: otherwise which one measures its cases would depend on row order.
            else if (others.TryGetValue(s, out var other)) e.Add($"shopIds[{i}]", $"already measured by policy '{other}'");
            else shops.Add(s);
        }
        return shops;
    }

    private static async Task<List<SlaTarget>> TargetsAsync(List<SlaTargetRequest?> items, AfterSalesDbContext db, ICalendarSource calendars,
        FieldErrors e, CancellationToken ct)
    {
        var targets = new List<SlaTarget>();
        if (items.Count > 500) e.Add("targets", "at most 500");
        for (var i = 0; i < items.Count && i < 500; i++)
        {
            var t = items[i];
            var f = $"targets[{i}]";
            if (t is null) { e.Add(f, "required"); continue; }
            var ok = true;
            if (!SlaMetrics.All.Contains(t.Metric)) { e.Add($"{f}.metric", "one of " + string.Join(", ", SlaMetrics.All)); ok = false; }
            CaseType? type = null;
            if (t.CaseType is not null)
            {
                if (Wire.TryParse<CaseType>(t.CaseType, out var parsed)) type = parsed;
                else { e.Add($"{f}.caseType", "one of " + string.Join(", ", Wire.Names<CaseType>())); ok = false; }
            }
            if (t.Priority is not null && !Priorities.Contains(t.Priority)) { e.Add($"{f}.priority", "one of low, normal, high, urgent"); ok = false; }
            if (t.Channel is { Length: 0 or > 16 }) { e.Add($"{f}.channel", "1–16 characters"); ok = false; }
            if (t.Minutes is not (>= 1 and <= 525_600)) { e.Add($"{f}.minutes", "1 to 525600 business minutes"); ok = false; }
            if (t.CalendarId is not null && await calendars.GetAsync(db, t.CalendarId, ct) is null)
            {
                e.Add($"{f}.calendarId", $"no calendar '{t.CalendarId}'");
                ok = false;
            }
            if (!ok) continue;
            var target = new SlaTarget(t.Metric!, type, t.Priority, t.Channel, t.Minutes!.Value, t.CalendarId);
            if (targets.Any(x => x.Metric == target.Metric && x.CaseType == type && x.Priority == target.Priority && x.Channel == target.Channel))
                e.Add(f, "another target has the same metric, case type, priority and channel");
            else targets.Add(target);
        }
        return targets;
    }

    private static List<SlaEscalation> Escalations(List<SlaEscalationRequest?> items, FieldErrors e)
    {
        var list = new List<SlaEscalation>();
        if (items.Count > 100) e.Add("escalations", "at most 100");
        for (var i = 0; i < items.Count && i < 100; i++)
        {
            var x = items[i];
            var f = $"escalations[{i}]";
            if (x is null) { e.Add(f, "required"); continue; }
            var ok = true;
            if (!Ons.Contains(x.On)) { e.Add($"{f}.on", "warning or breached"); ok = false; }
            if (x.Metric is not null && !SlaMetrics.All.Contains(x.Metric)) { e.Add($"{f}.metric", "one of " + string.Join(", ", SlaMetrics.All)); ok = false; }
            if (!Actions.Contains(x.Action)) { e.Add($"{f}.action", "notify, raise_priority or reassign"); ok = false; }
            if (x.AgentId is { Length: 0 or > 64 }) { e.Add($"{f}.agentId", "1–64 characters"); ok = false; }
            if (x.QueueId is { Length: 0 or > 64 }) { e.Add($"{f}.queueId", "1–64 characters"); ok = false; }
            if (x.Notify is { Length: 0 or > 64 }) { e.Add($"{f}.notify", "1–64 characters"); ok = false; }
            if (ok) list.Add(new SlaEscalation(x.On!, x.Metric, x.Action!, x.AgentId, x.QueueId, x.Notify));
        }
        return list;
    }
}
