using AfterSales.Web.Modules.Shops.Contracts;
using AfterSales.Web.Modules.Shops.Domain;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Every shop profile, and one shop's name and return address edited (or a new shop created by id) through the same
/// use case as <c>PUT /api/v1/shops/{shopId}</c>: its checks, version check (the version the form showed) and audit.
/// </summary>
public sealed class ShopsModel(ShopAdminQueries shops, ShopCommands commands, IStringLocalizer<ShopUi> text) : AdminPageModel
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
        ShopView? saved = null;
        var request = new PutShopRequest(Form.Name, new ReturnAddressInput(Form.ContactName, Form.Phone, Form.Address, Form.PostalCode));
        if (await TryAsync(async () => saved = await commands.SaveAsync(HttpContext, Form.ShopId, request, Form.Version > 0 ? Form.Version : null, ct)))
            return Done(string.Format(text["Settings.Saved"], saved!.Name), "/admin/shops?shop=" + Uri.EscapeDataString(saved.ShopId));
        await LoadAsync(ct);
        Form.UpdatedAt = Shops.Find(s => s.ShopId == Form.ShopId)?.UpdatedAt;
        Editing = new ShopFormView(Form, new Dictionary<string, string[]>(FieldErrors), null);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Shops = await shops.ProfilesAsync(ct);
}
