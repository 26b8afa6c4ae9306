using System.Globalization;
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
/// Cookie sign-in for the web UI, by the same rule as <c>POST /api/v1/auth/token</c> (<see cref="PasswordSignIn"/>:
/// the address's throttle, Identity's check and lockout, the audit of every attempt of a known user); the form
/// carries the framework's anti-forgery token (checked by Razor Pages on every POST).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, PasswordSignIn passwords, IStringLocalizer<Ui> t) : PageModel
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
        var check = await passwords.CheckAsync(HttpContext, UserName, Password, "password_cookie");
        switch (check.Outcome)
        {
            case PasswordCheckOutcome.Throttled:
                Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Fail(string.Format(CultureInfo.CurrentCulture, t["SignIn.Throttled"], Math.Ceiling(check.RetryAfterSeconds / 60.0)),
                    StatusCodes.Status429TooManyRequests);
            case PasswordCheckOutcome.LockedOut:
                // An administrator's lock has no end (DateTimeOffset.MaxValue): say who locked it, not a date in year 9999.
                return Fail(check.LockedOutUntil is not { } end || end.Year > 9000
                    ? t["SignIn.LockedByAdmin"].Value
                    : string.Format(t["SignIn.LockedOut"], Web.UiFormat.Time(end)));
            case PasswordCheckOutcome.Invalid:
                return Fail(t["SignIn.Invalid"]);
        }
        await signIn.SignInAsync(check.User!, isPersistent: false, authenticationMethod: "pwd");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Fail(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
