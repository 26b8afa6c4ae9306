using AfterSales.Web.Data;
using AfterSales.Web.Modules.Shops.Domain;
using AfterSales.Web.Modules.Shops.Features;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Shops.Contracts;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Every shop profile, and one shop's name and return address edited (or a new shop created by id) through the same
/// use case as <c>PUT /api/v1/shops/{shopId}</c>: its checks, If-Match and audit.
/// </summary>
public sealed class ShopsModel(AfterSalesDbContext db, TimeProvider clock, IStringLocalizer<ShopUi> text) : AdminPageModel
{
    [BindProperty] public ShopForm Form { get; set; } = new();

    /// <summary>The shop being edited (<c>?shop=</c>), if any.</summary>
    [BindProperty(SupportsGet = true, Name = "shop")] public string? Shop { get; set; }

    public List<ShopProfile> Shops { get; private set; } = [];

    public ShopFormView? Editing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!string.IsNullOrWhiteSpace(Shop))
        {
            var id = Shop.Trim();
            Editing = new ShopFormView(ShopForm.For(id, Shops.Find(s => s.ShopId == id)), new Dictionary<string, string[]>(), null);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Form.Version > 0) HttpContext.Request.Headers.IfMatch = $"\"{Form.Version}\"";
        ShopView? saved = null;
        if (await TryAsync(async () => saved = (await ShopEndpoints.PutAsync(Form.ShopId, Form.ToRequest(), HttpContext, db, clock, ct)).Value))
            return Done(string.Format(text["Settings.Saved"], saved!.Name), "/admin/shops?shop=" + Uri.EscapeDataString(saved.ShopId));
        HttpContext.Request.Headers.IfMatch = default;
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        Form.UpdatedAt = Shops.Find(s => s.ShopId == Form.ShopId)?.UpdatedAt;
        Editing = new ShopFormView(Form, new Dictionary<string, string[]>(FieldErrors), null);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Shops = await db.ShopProfiles.AsNoTracking().OrderBy(s => s.ShopId).Take(500).ToListAsync(ct);
}
