using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Cases.Features;
using AfterSales.Web.Modules.Routing.Features;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using AfterSales.Web.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Pages.Desk;

/// <summary>
/// The agent's inbox (UI.md "Agent workspace"): open cases in the person's scope ordered by SLA risk, in tabs (mine,
/// waiting to be taken, platform review, all open), with a "take" button where the rules offer assign; supervisors
/// and the platform also see every queue's figures. All reading goes through <see cref="DataScope"/>.
/// </summary>
public sealed class IndexModel(AfterSalesDbContext db, CaseWorkbench cases, TimeProvider clock, IStringLocalizer<WorkUi> text, DisplayNames names)
    : PageModel
{
    public const int PageSize = 30;

    public static readonly string[] TabKeys = ["mine", "waiting", "review", "all"];

    private static readonly CaseStatus[] Done = [CaseStatus.Refunded, CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Cancelled];

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
            db.ChangeTracker.Clear();
            HttpContext.Request.Headers.IfMatch = default;
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

        var open = (await DataScope.OfAsync(HttpContext, db, ct)).Cases(db.Cases.AsNoTracking()).Where(c => !Done.Contains(c.Status));
        Counts = [];
        foreach (var key in TabKeys) Counts[key] = await InTab(open, key).CountAsync(ct);

        var ranked = RiskOrder.After(RiskOrder.Rank(InTab(open, Tab!)), Cursor);
        var page = await RiskOrder.Order(ranked).Take(PageSize + 1).ToListAsync(ct);
        NextCursor = page.Count > PageSize ? RiskOrder.Encode(page[PageSize - 1]) : null;
        Rows = await WorkRow.ForPageAsync(db, page.Take(PageSize).Select(r => r.Case).ToList(), actor.Role, ct);
        if (Supervises) Queues = await QueueFigures.OfAsync(db, null, Now, ct);
        await names.PrepareAsync(queues: Rows.Select(r => r.Case.Queue).Concat(Queues.Keys), people: Rows.Select(r => r.Case.Assignee), ct: ct);
    }

    private IQueryable<Case> InTab(IQueryable<Case> open, string tab)
    {
        var me = Me;
        return tab switch
        {
            "mine" => open.Where(c => c.Assignee == me),
            // Waiting for an agent, as routing counts it (Case.AwaitsStaff): platform review and unanswered complaints.
            "waiting" => open.Where(c => c.Assignee == null && (c.Status == CaseStatus.PlatformReview
                || (c.Type == CaseType.Complaint && c.Status == CaseStatus.Opened))),
            "review" => open.Where(c => c.Status == CaseStatus.PlatformReview),
            _ => open,
        };
    }

    public string Link(string? tab = null, string? cursor = null) => Url.Page("/Desk/Index", new { tab = tab ?? Tab, cursor })!;

    public string Describe(string key) => text["Desk.Tab." + key];
}
