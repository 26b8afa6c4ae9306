using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Integration keys through <c>/api/v1/api-keys</c>' own use cases. A new key is on the answer to the create POST
/// only (never in TempData, a redirect or the list), with <c>Cache-Control: no-store</c>, so it is shown once.
/// Revoking asks first: the revoke link opens a confirmation, and only its POST revokes.
/// </summary>
public sealed class ApiKeysModel(AfterSalesDbContext db, TimeProvider clock, IStringLocalizer<AdminUi> a) : AdminPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? ShopIds { get; set; }

    /// <summary>The key to revoke, asked about before the POST.</summary>
    [BindProperty(SupportsGet = true)] public string? Revoke { get; set; }

    public List<ApiKeyView> Keys { get; private set; } = [];
    public CreatedApiKey? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        CreatedApiKey? created = null;
        var ok = await TryAsync(async () =>
            created = (await ApiKeyEndpoints.CreateAsync(new CreateApiKeyRequest(Name, [.. Roles], ListOf(ShopIds)), HttpContext, db, clock, ct)).Value);
        if (ok)
        {
            NewKey = created;
            Saved = null;
            Response.Headers.CacheControl = "no-store";
            Name = null; ShopIds = null; Roles = [];
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await TryAsync(() => ApiKeyEndpoints.RevokeAsync(Revoke ?? "", db, clock, ct)))
            return Done(string.Format(a["Keys.Revoked"], Revoke), "/admin/api-keys");
        Revoke = null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Keys = (await ApiKeyEndpoints.ListAsync(db, ct)).Value!;
}
