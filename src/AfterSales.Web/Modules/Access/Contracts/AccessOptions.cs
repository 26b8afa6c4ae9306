namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary><c>AfterSales:Access</c>: sign-in rules for people (Identity's password and lockout options, token lifetime).</summary>
public sealed class AccessOptions
{
    public const string Section = "AfterSales:Access";

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts (minutes; fractions allowed).</summary>
    public double LockoutMinutes { get; set; } = 15;

    /// <summary>Lifetime of a bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    public double TokenMinutes { get; set; } = 60;

    /// <summary>Minimum password length; Identity's other rules (digit, upper, lower, symbol) stay on.</summary>
    public int PasswordMinLength { get; set; } = 10;

    public bool IsValid() => MaxFailedAttempts is >= 1 and <= 100 && LockoutMinutes is > 0 and <= 7 * 24 * 60
        && TokenMinutes is > 0 and <= 24 * 60 && PasswordMinLength is >= 8 and <= 128;
}
