using AfterSales.Web.Data;
using AfterSales.Web.Hosting;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Modules.Shops.Features;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Pages.Shop;

/// <summary>
/// The merchant's shops: each one's name and return address, saved through the API's own use case
/// (<see cref="ShopEndpoints.PutAsync"/>: the same checks, scope, If-Match and audit). A save redirects back with a
/// notice; a refused one shows the errors next to the fields, with what was typed kept.
/// </summary>
public sealed class SettingsModel(AfterSalesDbContext db, TimeProvider clock, IStringLocalizer<ShopUi> text) : PageModel
{
    [BindProperty] public ShopForm Form { get; set; } = new();

    [TempData] public string? Saved { get; set; }

    public List<ShopFormView> Shops { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            // The version the form showed: a stale form must not overwrite a newer save (412, shown next to the form).
            if (Form.Version > 0) HttpContext.Request.Headers.IfMatch = $"\"{Form.Version}\"";
            var saved = (await ShopEndpoints.PutAsync(Form.ShopId, Form.ToRequest(), HttpContext, db, clock, ct)).Value!;
            Saved = string.Format(text["Settings.Saved"], saved.Name);
            return RedirectToPage();
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            // Another shop's form reads as missing, exactly as in the API.
            if (problem.Code == "shop.not_found") return NotFound();
            HttpContext.Request.Headers.IfMatch = default;
            db.ChangeTracker.Clear();
            await LoadAsync(problem, ct);
            Response.StatusCode = ErrorCatalog.StatusOf(problem.Code);
            return Page();
        }
    }

    private async Task LoadAsync(UiProblem? problem, CancellationToken ct)
    {
        var ids = (await DataScope.OfAsync(HttpContext, db, ct)).ShopIds.Order(StringComparer.Ordinal).ToList();
        var profiles = await db.ShopProfiles.AsNoTracking().Where(s => ids.Contains(s.ShopId)).ToDictionaryAsync(s => s.ShopId, ct);
        Shops = [.. ids.Select(id => problem is not null && id == Form.ShopId
            ? new ShopFormView(Kept(profiles.GetValueOrDefault(id)), problem.Errors, problem)
            : new ShopFormView(ShopForm.For(id, profiles.GetValueOrDefault(id)), new Dictionary<string, string[]>(), null))];
    }

    /// <summary>What was typed, with the saved version and time (a refused post keeps the person's input).</summary>
    private ShopForm Kept(Modules.Shops.Domain.ShopProfile? saved)
    {
        Form.UpdatedAt = saved?.UpdatedAt;
        return Form;
    }
}
