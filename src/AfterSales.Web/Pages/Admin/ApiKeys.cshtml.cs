using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// Integration keys through <c>/api/v1/api-keys</c>' own use cases. Creating is post/redirect/get: the new key crosses
/// the redirect in TempData (a cookie encrypted by Data Protection, HttpOnly, deleted by the answer that reads it), so
/// it is shown once, on a no-store GET, and neither a reload nor the back button re-posts or shows it again; it is never
/// in a URL or the list. Revoking asks first without a GET side effect: a disclosure in the row holds the POST form.
/// </summary>
public sealed class ApiKeysModel(AccessAdmin access, IStringLocalizer<AdminUi> a, Web.DisplayNames names) : AdminPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? ShopIds { get; set; }

    /// <summary>The key to revoke (the confirming POST).</summary>
    [BindProperty] public string? Revoke { get; set; }

    public List<ApiKeyView> Keys { get; private set; } = [];
    public CreatedApiKey? NewKey { get; private set; }

    private const string NewKeyId = "Keys.NewId", NewKeySecret = "Keys.NewKey";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read once: TempData drops both after this answer.
        if (TempData[NewKeyId] is string id && TempData[NewKeySecret] is string key)
        {
            NewKey = new CreatedApiKey(id, key);
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        CreatedApiKey? created = null;
        var ok = await TryAsync(async () =>
            created = await access.CreateApiKeyAsync(new CreateApiKeyRequest(Name, [.. Roles], ListOf(ShopIds)), HttpContext, ct));
        if (ok && created is not null)
        {
            TempData[NewKeyId] = created.KeyId;
            TempData[NewKeySecret] = created.Key;
            return Redirect("/admin/api-keys");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await TryAsync(() => access.RevokeApiKeyAsync(Revoke ?? "", ct)))
            return Done(string.Format(a["Keys.Revoked"], Revoke), "/admin/api-keys");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Keys = await access.ApiKeysAsync(ct);
        await names.PrepareAsync(shops: Keys.SelectMany(k => k.ShopIds), ct: ct);
    }

    /// <summary>A shop id as a person reads it (the shop's name; an id without a profile as itself).</summary>
    public string ShopName(string id) => names.Shop(id);
}
