using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Pages.Desk.Cases;

/// <summary>
/// One case in the desk area: the shared case view, with the actions this person may take now, and beside it the
/// consumer's other cases in the person's scope (UI.md "Agent workspace").
/// </summary>
public sealed class CaseModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text, CaseQueries queries, DisplayNames names)
    : CasePageModel(cases, text)
{
    private const int MostOthers = 20;

    public List<Case> OtherCases { get; private set; } = [];

    /// <summary>After any handler that shows the page (not a redirect, not a 404), the side panel is read too.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is PageResult && (object?)Detail is not null)
        {
            var consumer = Detail.Case.ConsumerId;
            var caseNo = Detail.Case.CaseNo;
            OtherCases = await queries.OthersOfConsumerAsync(HttpContext, consumer, caseNo, MostOthers, HttpContext.RequestAborted);
            // Whose cases these are, by the order's recipient name, masked as staff always see it.
            await names.PrepareAsync(orders: [Detail.Case.OrderNo], ct: HttpContext.RequestAborted);
        }
    }
}
