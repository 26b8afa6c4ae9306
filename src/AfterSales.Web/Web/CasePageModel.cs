using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Web;

/// <summary>The fields any action form may send (the same names as the API's action body).</summary>
public sealed class ActionForm
{
    public string? Reason { get; set; }
    public string? Carrier { get; set; }
    public string? Waybill { get; set; }
    public bool? Passed { get; set; }
    public string? Notes { get; set; }
    public decimal? Amount { get; set; }
    public string? Outcome { get; set; }
    public string? AgentId { get; set; }
    public int? Hours { get; set; }

    // The return address an agreement names for this case (prefilled with the shop's; all blank: the shop's).
    public string? ReturnContactName { get; set; }
    public string? ReturnPhone { get; set; }
    public string? ReturnAddress { get; set; }
    public string? ReturnPostalCode { get; set; }

    public ActionRequest ToRequest() => new(Blank(Reason), Blank(Carrier), Blank(Waybill), Passed, Blank(Notes), Amount, Blank(Outcome), Blank(AgentId), Hours,
        new Modules.Shops.Domain.ReturnAddressInput(ReturnContactName, ReturnPhone, ReturnAddress, ReturnPostalCode));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// A page showing one case with its actions, messages and evidence, for every role's area (portal, shop, desk).
/// A post that succeeds redirects back (the browser's back button and refresh stay harmless) with a notice; a refused
/// one shows the problem in words next to the form, with what was typed kept.
/// </summary>
public abstract class CasePageModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text) : PageModel
{
    /// <summary>The case page's texts, for the area pages built on this one.</summary>
    protected IStringLocalizer<CaseUi> Text => text;

    [BindProperty(SupportsGet = true)] public string CaseNo { get; set; } = "";

    [BindProperty] public ActionForm Form { get; set; } = new();

    public CaseDetail Detail { get; private set; } = null!;

    public UiProblem? Problem { get; private set; }

    /// <summary>The action whose form the problem belongs to (or "message", "upload").</summary>
    public string? ProblemFor { get; private set; }

    [TempData] public string? Notice { get; set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The people the assign form offers by name (empty when assigning is not offered).</summary>
    public IReadOnlyList<AssignChoice> Assignable { get; private set; } = [];

    /// <summary>Whose eyes the page is written for: the due-next line says "you" to the one who must act.</summary>
    public AfterSales.Web.SharedKernel.ActorRole Viewer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (SharedKernel.DomainException e) when (e.Code == "case.not_found")
        {
            return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostActAsync(string action, int version, CancellationToken ct) =>
        RunAsync(action, () => cases.ActAsync(HttpContext, CaseNo, action, Form.ToRequest(), version, ct),
            DoneNotice(action), ct);

    /// <summary>"已同意申请。" rather than "已完成：同意。": a sentence per action, the generic form for any without one.</summary>
    private string DoneNotice(string action) =>
        text["Notice." + action] is { ResourceNotFound: false } said ? said.Value : string.Format(text["Notice.Done"], text["Action." + action]);

    /// <summary>A message, or a note for the <paramref name="audience"/> the form names (<c>platform</c>, <c>shop</c>; none: the author's default).</summary>
    public Task<IActionResult> OnPostMessageAsync(string? body, bool isInternal, string? audience, CancellationToken ct) =>
        RunAsync("message", () => cases.PostMessageAsync(HttpContext, CaseNo, body, isInternal,
            SharedKernel.Wire.TryParse<Modules.Cases.Domain.NoteAudience>(audience, out var a) ? a : null, ct), text["Notice.Sent"], ct);

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct) =>
        RunAsync("upload", () => cases.UploadAsync(HttpContext, CaseNo, file, ct), text["Notice.Uploaded"], ct);

    private async Task<IActionResult> RunAsync(string what, Func<Task> change, string notice, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            // A missing case stays a 404, as in the API: the page does not tell a stranger it exists.
            if (problem.Code == "case.not_found") return NotFound();
            Problem = problem;
            ProblemFor = what;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Notice = notice;
        return RedirectToPage(new { CaseNo });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        Detail = await cases.LoadAsync(HttpContext, CaseNo, ct);
        Viewer = RequestActor.Of(HttpContext).Role;
        // Staff see the case's queue and assignee, by name (the view reads them from the same scoped service).
        if (!User.IsInRole("consumer"))
            await HttpContext.RequestServices.GetRequiredService<DisplayNames>().PrepareAsync(
                queues: [Detail.Case.Queue], people: [Detail.Case.Assignee], ct: ct);
        if (Detail.Actions.Any(a => a.Action == Modules.Cases.Domain.CaseAction.Assign))
            Assignable = await AssignChoices.ForAsync(HttpContext.RequestServices.GetRequiredService<Modules.Routing.Contracts.RoutingQueries>(),
                Detail.Case.Queue, ct);
    }
}
