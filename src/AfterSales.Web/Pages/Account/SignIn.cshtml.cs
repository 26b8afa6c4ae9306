using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Account;

/// <summary>
/// Cookie sign-in for the web UI: Identity checks the password and counts failures (the same lockout as
/// <c>POST /api/v1/auth/token</c>), every attempt of a known user is audited, and the form carries the framework's
/// anti-forgery token (checked by Razor Pages on every POST).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccessAdmin access,
    IStringLocalizer<Ui> t) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet(string? user) => UserName = user;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 100 || Password.Length > 200)
            return Fail(t["SignIn.Required"]);
        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is null) return Fail(t["SignIn.Invalid"]);
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        await access.AuditSignInAsync(user, result, "password_cookie");
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            // An administrator's lock has no end (DateTimeOffset.MaxValue): say who locked it, not a date in year 9999.
            return Fail(until is not { } end || end.Year > 9000
                ? t["SignIn.LockedByAdmin"].Value
                : string.Format(t["SignIn.LockedOut"], Web.UiFormat.Time(end)));
        }
        if (!result.Succeeded) return Fail(t["SignIn.Invalid"]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
