using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// Identity's password and user-name rules, described in the request's language (zh-CN by default, en-US) instead of
/// Identity's English-only texts. They appear as field errors of <c>user.invalid</c>. The codes stay Identity's.
/// </summary>
internal sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Identity", typeof(LocalizedIdentityErrors).Assembly);

    private static IdentityError Error(string code, params object?[] args) =>
        new() { Code = code, Description = string.Format(CultureInfo.CurrentCulture, Texts.GetString(code, CultureInfo.CurrentUICulture)!, args) };

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName);
}
