using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Pages;

/// <summary>
/// The top bar's search: a case number or an order number, looked up only inside the person's scope. One case
/// opens it in the person's own area; an order with several cases lists them; anything else, including a record
/// outside the scope, gets the same "not found", so the search never tells whether a record exists.
/// </summary>
[Authorize]
public sealed class SearchModel(CaseQueries cases, DisplayNames names) : PageModel
{
    private const int Most = 50;

    [BindProperty(SupportsGet = true), FromQuery(Name = "q")] public string? Q { get; set; }

    public List<Case> Matches { get; private set; } = [];
    public string Area { get; private set; } = "";

    /// <summary>Staff see whose shop each case is (by name); a consumer, or one shop's staff, know it already.</summary>
    public bool ShowShop { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Q = Q?.Trim();
        Area = AreaOf(User);
        if (string.IsNullOrEmpty(Q) || Q.Length > 64 || Area.Length == 0) return Page();
        var q = Q;
        var scope = await cases.ScopeAsync(HttpContext, ct);
        Matches = await cases.SearchAsync(HttpContext, q, Most, ct);
        if (Matches.Count == 1) return Redirect(CasePath(Matches[0].CaseNo));
        ShowShop = scope.Of is not DataScope.Kind.Consumer && !(scope.Of is DataScope.Kind.Shops && scope.ShopIds.Count <= 1);
        if (ShowShop) await names.PrepareAsync(shops: Matches.Select(c => c.ShopId), ct: ct);
        return Page();
    }

    public string CasePath(string caseNo) => $"{Area}/cases/{Uri.EscapeDataString(caseNo)}";

    /// <summary>Where this person works on a case: the first of their areas that has a case page.</summary>
    private static string AreaOf(System.Security.Claims.ClaimsPrincipal user) =>
        UiRoles.AreasOf(user).Select(a => a.Path).FirstOrDefault(p => p is "/portal" or "/shop" or "/desk") ?? "";
}
