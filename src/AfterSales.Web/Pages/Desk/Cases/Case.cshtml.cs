using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Pages.Desk.Cases;

/// <summary>
/// One case in the desk area: the shared case view, with the actions this person may take now, and beside it the
/// consumer's other cases in the person's scope (UI.md "Agent workspace").
/// </summary>
public sealed class CaseModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text, AfterSalesDbContext db, DisplayNames names)
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
            OtherCases = await (await DataScope.OfAsync(HttpContext, db, HttpContext.RequestAborted)).Cases(db.Cases.AsNoTracking())
                .Where(c => c.ConsumerId == consumer && c.CaseNo != caseNo)
                .OrderByDescending(c => c.Id).Take(MostOthers).ToListAsync(HttpContext.RequestAborted);
            // Whose cases these are, by the order's recipient name, masked as staff always see it.
            await names.PrepareAsync(orders: [Detail.Case.OrderNo], ct: HttpContext.RequestAborted);
        }
    }
}
