using System.Security.Claims;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Shops.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

/// <summary>A password the service generated, shown once after the redirect.</summary>
public sealed record ShownPassword(string UserName, string Password);

/// <summary>
/// People who sign in: the list with lock / unlock / new password per person, and the create form; each calls the
/// API's own use case (<c>POST /api/v1/users</c>, <c>/users/{userName}/lock|unlock|password</c>). A generated password
/// crosses the redirect in TempData (a cookie encrypted by Data Protection, deleted once read) and is shown once, on a
/// no-store answer: never in a URL, never again on reload.
/// </summary>
public sealed class UsersModel(AccessAdmin access, ShopAdminQueries shops,
    IStringLocalizer<AdminUi> a, Web.DisplayNames names) : AdminPageModel
{
    private const string GeneratedFor = "Users.GeneratedFor", GeneratedSecret = "Users.Generated";

    /// <summary>Enough for a platform's staff on one page; the count says when there are more.</summary>
    public const int Shown = 500;

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    /// <summary>The ticked shops (each value may also be a comma-separated list, as the old text box sent).</summary>
    [BindProperty] public List<string> ShopIds { get; set; } = [];
    [BindProperty] public string? ConsumerId { get; set; }

    /// <summary>The person acted on by the row forms.</summary>
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public bool Generate { get; set; }

    public List<UserAdminRow> Rows { get; private set; } = [];

    /// <summary>The shops a merchant may be given: those with a profile, by name, then those known only by their orders.</summary>
    public List<ShopAdminChoice> ShopChoices { get; private set; } = [];

    /// <summary>A shop id as a person reads it (the shop's name; an id without a profile as itself).</summary>
    public string ShopName(string id) => names.Shop(id);
    public int Total { get; private set; }
    public string? MyId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The row whose new password was refused (its form stays open with the errors).</summary>
    public string? ResetFor { get; private set; }
    public ShownPassword? Generated { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read once: TempData drops both after this answer.
        if (TempData[GeneratedFor] is string who && TempData[GeneratedSecret] is string password)
        {
            Generated = new ShownPassword(who, password);
            Response.Headers.CacheControl = "no-store";
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken ct)
    {
        if (await TryAsync(() => access.LockAsync(Target ?? "", HttpContext, ct)))
            return Done(string.Format(a["Users.LockedDone"], Target));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        if (await TryAsync(() => access.UnlockAsync(Target ?? "", HttpContext, ct)))
            return Done(string.Format(a["Users.UnlockedDone"], Target));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        string? generated = null;
        var ok = await TryAsync(async () =>
        {
            generated = await access.SetPasswordAsync(Target ?? "",
                new SetPasswordRequest(string.IsNullOrEmpty(NewPassword) ? null : NewPassword, Generate), HttpContext, ct);
        });
        NewPassword = null; // never echoed back into the form
        if (ok)
        {
            if (generated is not null)
            {
                TempData[GeneratedFor] = Target;
                TempData[GeneratedSecret] = generated;
            }
            return Done(string.Format(a["Users.PasswordDone"], Target));
        }
        ResetFor = Target;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var body = new CreateUserRequest(UserName, Password, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName,
            [.. Roles], [.. ShopIds.SelectMany(ListOf)], string.IsNullOrWhiteSpace(ConsumerId) ? null : ConsumerId);
        var ok = await TryAsync(() => access.CreateUserAsync(body, ct));
        Password = null; // never echoed back into the form
        if (ok) return Done(string.Format(a["Users.Created"], UserName?.Trim()));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Total, Rows) = await access.UsersAsync(Shown, ct);
        await names.PrepareAsync(shops: Rows.SelectMany(r => r.ShopIds), ct: ct);

        ShopChoices = await shops.ChoicesAsync(ct, Shown);
    }
}
