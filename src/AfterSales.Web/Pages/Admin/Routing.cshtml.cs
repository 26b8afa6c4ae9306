using System.Globalization;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Queues (with the supervisor's figures), skills and agents, and a form for each that creates or replaces one
/// through the PUT use case of <c>/api/v1/queues</c>, <c>/skills</c> or <c>/agents</c>. A refused form shows
/// <c>routing.invalid</c> with its field errors next to that form; the use case writes nothing then.
/// </summary>
public sealed class RoutingModel(RoutingAdmin routing, IStringLocalizer<AdminUi> a,
    Web.DisplayNames names)
    : AdminPageModel
{
    /// <summary>Which form the shown problem belongs to: queue, skill or agent.</summary>
    public string? Form { get; private set; }

    // ?queue=…, ?skill=…, ?agent=…: the form starts from that row, to edit it.
    [BindProperty(SupportsGet = true, Name = "queue")] public string? EditQueue { get; set; }
    [BindProperty(SupportsGet = true, Name = "skill")] public string? EditSkill { get; set; }
    [BindProperty(SupportsGet = true, Name = "agent")] public string? EditAgent { get; set; }

    [BindProperty] public string? QueueId { get; set; }
    [BindProperty] public string? QueueName { get; set; }
    [BindProperty] public List<string> CaseTypes { get; set; } = [];
    [BindProperty] public string? ShopIds { get; set; }
    [BindProperty] public string? RequiredSkill { get; set; }
    [BindProperty] public string? Precedence { get; set; }
    [BindProperty] public bool QueueActive { get; set; } = true;

    [BindProperty] public string? SkillId { get; set; }
    [BindProperty] public string? SkillName { get; set; }
    [BindProperty] public bool RequiresCertificate { get; set; }

    [BindProperty] public string? AgentId { get; set; }
    [BindProperty] public string? AgentName { get; set; }
    [BindProperty] public List<string> AgentSkills { get; set; } = [];
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public bool AgentAvailable { get; set; } = true;

    public List<QueueView> Queues { get; private set; } = [];
    public List<SkillView> Skills { get; private set; } = [];
    public List<AgentView> Agents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Queues.FirstOrDefault(q => q.QueueId == EditQueue) is { } q)
        {
            (QueueId, QueueName, CaseTypes, ShopIds) = (q.QueueId, q.Name, [.. q.CaseTypes.Select(t => SharedKernel.Wire.Name(t))], string.Join(", ", q.ShopIds));
            (RequiredSkill, Precedence, QueueActive) = (q.RequiredSkill, q.Precedence.ToString(CultureInfo.InvariantCulture), q.Active);
        }
        if (Skills.FirstOrDefault(s => s.SkillId == EditSkill) is { } s)
            (SkillId, SkillName, RequiresCertificate) = (s.SkillId, s.Name, s.RequiresCertificate);
        if (Agents.FirstOrDefault(x => x.AgentId == EditAgent) is { } g)
            (AgentId, AgentName, AgentSkills, Capacity, AgentAvailable) = (g.AgentId, g.Name, [.. g.Skills], g.Capacity.ToString(CultureInfo.InvariantCulture), g.Available);
    }

    public async Task<IActionResult> OnPostQueueAsync(CancellationToken ct)
    {
        var id = QueueId?.Trim() ?? "";
        var body = new QueueRequest(QueueName, [.. CaseTypes], ListOf(ShopIds), string.IsNullOrWhiteSpace(RequiredSkill) ? null : RequiredSkill.Trim(),
            Number(Precedence), QueueActive);
        if (await TryAsync(() => routing.PutQueueAsync(id, body, ct)))
            return Done(string.Format(CultureInfo.CurrentCulture, a["Routing.QueueSaved"], id), "/admin/routing");
        return await RefusedAsync("queue", ct);
    }

    public async Task<IActionResult> OnPostSkillAsync(CancellationToken ct)
    {
        var id = SkillId?.Trim() ?? "";
        if (await TryAsync(() => routing.PutSkillAsync(id, new SkillRequest(SkillName, RequiresCertificate), ct)))
            return Done(string.Format(CultureInfo.CurrentCulture, a["Routing.SkillSaved"], id), "/admin/routing");
        return await RefusedAsync("skill", ct);
    }

    public async Task<IActionResult> OnPostAgentAsync(CancellationToken ct)
    {
        var id = AgentId?.Trim() ?? "";
        var body = new AgentRequest(AgentName, [.. AgentSkills], Number(Capacity), AgentAvailable);
        if (await TryAsync(() => routing.PutAgentAsync(id, body, ct)))
            return Done(string.Format(CultureInfo.CurrentCulture, a["Routing.AgentSaved"], id), "/admin/routing");
        return await RefusedAsync("agent", ct);
    }

    /// <summary>The field errors of one field, only for the form that was posted (the three forms share names such as <c>name</c>).</summary>
    public IEnumerable<string> ErrorsOf(string form, string field) => Form == form ? ErrorsOf(field) : [];

    private async Task<IActionResult> RefusedAsync(string form, CancellationToken ct)
    {
        Form = form;
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>A whole number from a text box; anything else is left out, so the use case reports the field.</summary>
    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Queues = await routing.QueuesAsync(ct);
        Skills = await routing.SkillsAsync(ct);
        Agents = await routing.AgentsAsync(ct);
        await names.PrepareAsync(shops: Queues.SelectMany(q => q.ShopIds), ct: ct);
    }

    /// <summary>A queue's shop as a person reads it (the shop's name; an id without a profile as itself).</summary>
    public string ShopName(string id) => names.Shop(id);
}
