using AfterSales.Web.Hosting;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Pages.Shop;

/// <summary>
/// The merchant's shops: each one's name and return address, saved through the API's own use case
/// (<see cref="ShopCommands.SaveAsync(HttpContext, string, PutShopRequest, int?, CancellationToken)"/>: the same checks, scope,
/// version check and audit as <c>PUT /api/v1/shops/{shopId}</c>). A save redirects back with a
/// notice; a refused one shows the errors next to the fields, with what was typed kept.
/// </summary>
public sealed class SettingsModel(ShopCommands shops, ShopQueries queries, IStringLocalizer<ShopUi> text) : PageModel
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
            // A form for a shop not saved yet (version 0) has no precondition.
            var saved = await shops.SaveAsync(HttpContext, Form.ShopId, Form.ToRequest(), Form.Version > 0 ? Form.Version : null, ct);
            Saved = string.Format(text["Settings.Saved"], saved.Name);
            return RedirectToPage();
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            // Another shop's form reads as missing, exactly as in the API.
            if (problem.Code == "shop.not_found") return NotFound();
            await LoadAsync(problem, ct);
            Response.StatusCode = ErrorCatalog.StatusOf(problem.Code);
            return Page();
        }
    }

    private async Task LoadAsync(UiProblem? problem, CancellationToken ct)
    {
        var (ids, profiles) = await queries.OwnAsync(HttpContext, ct);
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
