using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Pages.Desk;

/// <summary>
/// The agent's inbox (UI.md "Agent workspace"): open cases in the person's scope ordered by SLA risk, in tabs (mine,
/// waiting to be taken, platform review, all open), with a "take" button where the rules offer assign; supervisors
/// and the platform also see every queue's figures. All reading goes through the person's scope (<see cref="WorkQueries"/>).
/// </summary>
public sealed class IndexModel(WorkQueries work, RoutingQueries routing, CaseCommands cases, TimeProvider clock, IStringLocalizer<WorkUi> text,
    DisplayNames names)
    : PageModel
{
    public const int PageSize = 30;

    public static readonly string[] TabKeys = WorkQueries.DeskTabs;

    [BindProperty(SupportsGet = true), FromQuery(Name = "tab")] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "cursor")] public string? Cursor { get; set; }

    public string Me { get; private set; } = "";
    public bool Supervises { get; private set; }
    public List<WorkRow> Rows { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public Dictionary<string, QueueStats> Queues { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Notice { get; private set; }
    public UiProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Take a case: the assign action to oneself, through the case page's use case, with the version the list showed.</summary>
    public async Task<IActionResult> OnPostTakeAsync(string caseNo, int version, CancellationToken ct)
    {
        try
        {
            await cases.ActAsync(HttpContext, caseNo, "assign", new ActionRequest(AgentId: RequestActor.Of(HttpContext).Id), version, ct);
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            Problem = problem;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The case page shows its notice from TempData under the same key (CasePageModel.Notice).
        TempData["Notice"] = string.Format(text["Desk.Taken"], caseNo);
        return Redirect($"/desk/cases/{Uri.EscapeDataString(caseNo)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var actor = RequestActor.Of(HttpContext);
        Me = actor.Id;
        Supervises = actor.Role is ActorRole.Supervisor or ActorRole.Platform;
        Tab = TabKeys.Contains(Tab) ? Tab : Supervises ? "all" : "mine";

        var page = await work.DeskAsync(HttpContext, Tab!, Cursor, PageSize, ct);
        Counts = page.Counts;
        NextCursor = page.NextCursor;
        Rows = page.Rows;
        if (Supervises) Queues = await routing.QueueFiguresAsync(Now, ct);
        await names.PrepareAsync(queues: Rows.Select(r => r.Case.Queue).Concat(Queues.Keys), people: Rows.Select(r => r.Case.Assignee), ct: ct);
    }

    public string Link(string? tab = null, string? cursor = null) => Url.Page("/Desk/Index", new { tab = tab ?? Tab, cursor })!;

    public string Describe(string key) => text["Desk.Tab." + key];
}
