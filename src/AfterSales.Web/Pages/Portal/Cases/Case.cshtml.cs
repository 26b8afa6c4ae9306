using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Portal.Cases;

/// <summary>
/// One case in the portal area: the step bar and what to do next, the shared case view with the actions this person
/// may take now, and the rating once the case is finished (the same use case as POST …/rating).
/// </summary>
public sealed class CaseModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text, IStringLocalizer<PortalUi> portal,
    CaseQueries queries, CaseCommands commands) : CasePageModel(cases, text)
{
    public RatingView? Rating { get; private set; }

    public UiProblem? RatingProblem { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // Every page this model renders shows the rating (a redirect or a 404 needs none).
        if (executed.Result is PageResult && Detail is not null)
            Rating = await queries.RatingAsync(HttpContext, CaseNo, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRateAsync(int? stars, string? comment, CancellationToken ct)
    {
        // No star chosen is no rating, not a default of 5: the form preselects none, and a post without one is told so
        // in plain words (the API's own answer would be "stars: an integer from 1 to 5").
        if (stars is null) return await RefusedAsync(new UiProblem("rating.invalid", Text["Rating.Pick"], null, new Dictionary<string, string[]>()), ct);
        try
        {
            await commands.RateAsync(HttpContext, CaseNo, new RateCaseRequest(stars, comment), ct);
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            if (problem.Code == "case.not_found") return NotFound();
            return await RefusedAsync(problem, ct);
        }
        Notice = portal["Rating.Thanks"];
        return RedirectToPage(new { CaseNo });
    }

    private async Task<IActionResult> RefusedAsync(UiProblem problem, CancellationToken ct)
    {
        RatingProblem = problem;
        var shown = await OnGetAsync(ct);
        if (shown is PageResult) Response.StatusCode = StatusCodes.Status400BadRequest;
        return shown;
    }
}
