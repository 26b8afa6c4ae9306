using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// One SLA policy: its targets as a table (budgets in business time on the target's calendar), its escalations, and
/// the JSON edit form saved through <c>PUT /api/v1/sla-policies/{policyId}</c>'s use case with the shown version as
/// the expected one. The use case enqueues the recompute of open cases' clocks; the page after the redirect shows its progress.
/// </summary>
public sealed class SlaPolicyModel(SlaAdmin sla, CalendarAdmin calendars, IStringLocalizer<AdminUi> a)
    : AdminPageModel
{
    [FromRoute] public string PolicyId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public long? Job { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public int Version { get; set; }

    public SlaPolicyView? Policy { get; private set; }
    public SlaRecomputeView? CurrentJob { get; private set; }
    public List<SlaRecomputeView> Recomputes { get; private set; } = [];

    /// <summary>Working minutes in a calendar's longest day, by calendar id: the length of one "business day".</summary>
    public Dictionary<string, int> DayMinutes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Definition = JsonSerializer.Serialize(RequestOf(Policy!), Indented);
        Version = Policy!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SlaPolicyRequest? body = null;
        try
        {
            body = JsonSerializer.Deserialize<SlaPolicyRequest>(Definition ?? "", JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            Show("request.malformed", ex.Message, null);
        }
        if (ProblemCode is null)
        {
            SlaPolicyView? saved = null;
            if (await TryAsync(async () => saved = await sla.PutAsync(PolicyId, body, Version, HttpContext, ct)))
                return Done(string.Format(CultureInfo.CurrentCulture, a["Sla.Saved"], saved!.Version),
                    $"/admin/sla/{Uri.EscapeDataString(PolicyId)}" + (saved.RecomputeJobId is { } j ? $"?job={j}" : ""));
        }
        var status = Response.StatusCode;
        Job = null;
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>A budget in business time: whole business days of the calendar, then hours and minutes.</summary>
    public string Budget(SlaTarget t)
    {
        var calendar = t.CalendarId ?? Policy!.CalendarId;
        var day = DayMinutes.GetValueOrDefault(calendar);
        var rest = t.Minutes;
        var parts = new List<string>();
        if (day > 0 && rest >= day)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, a["Sla.BusinessDays"], rest / day));
            rest %= day;
        }
        if (rest >= 60) parts.Add(string.Format(CultureInfo.CurrentCulture, a["Sla.BusinessHours"], rest / 60));
        if (rest % 60 > 0) parts.Add(string.Format(CultureInfo.CurrentCulture, a["Sla.BusinessMinutes"], rest % 60));
        return string.Join(" ", parts);
    }

    public static string? WireOf(AfterSales.Web.SharedKernel.CaseType? type) => type is { } t ? Wire.Name(t) : null;

    private static SlaPolicyRequest RequestOf(SlaPolicyView p) => new(p.Name, p.CalendarId, p.WarningShare, [.. p.ShopIds],
        [.. p.Targets.Select(t => new SlaTargetRequest(t.Metric, WireOf(t.CaseType), t.Priority, t.Channel, t.Minutes, t.CalendarId))],
        [.. p.Escalations.Select(e => new SlaEscalationRequest(e.On, e.Metric, e.Action, e.AgentId, e.QueueId, e.Notify))]);

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await TryAsync(async () => Policy = await sla.GetAsync(PolicyId, HttpContext, ct))) return false;
        if (Job is { } job)
        {
            try { CurrentJob = await sla.JobAsync(job, ct); }
            catch (DomainException) { CurrentJob = null; } // an unknown job in the address: the policy page still shows
        }
        var prefix = $"sla_policy:{PolicyId}:";
        Recomputes = [.. (await sla.RecentJobsAsync(ct)).Where(j => j.Reason.StartsWith(prefix, StringComparison.Ordinal)).Take(10)];
        foreach (var c in await calendars.ListAsync(ct))
            DayMinutes[c.Id] = c.Week.Values.Select(spans => spans.Sum(s => s.Count == 2 ? Math.Max(0, Minute(s[1]) - Minute(s[0])) : 0))
                .DefaultIfEmpty(0).Max();
        return true;
    }

    private static int Minute(string hhmm) =>
        hhmm.Split(':') is [var h, var m] && int.TryParse(h, CultureInfo.InvariantCulture, out var hh) && int.TryParse(m, CultureInfo.InvariantCulture, out var mm)
            ? hh * 60 + mm : 0;
}
