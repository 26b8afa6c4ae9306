namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary><c>AfterSales:Access</c>: sign-in rules for people (Identity's password and lockout options, token lifetime, per-address throttling of failed sign-ins).</summary>
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

    /// <summary>
    /// Failed sign-ins from one client address, each within <see cref="FailureWindowMinutes"/> of the one before,
    /// after which that address is refused (429 <c>auth.throttled</c>, without checking the password or counting
    /// toward any account's lockout) until the window has passed since its last failure. Fewer than
    /// <see cref="MaxFailedAttempts"/>, so that a stranger at one address cannot lock an account by itself.
    /// </summary>
    public int FailuresPerAddress { get; set; } = 3;

    /// <summary>
    /// The gap that ends a run of failures (minutes; fractions allowed): an address's, which frees it, and an
    /// account's, whose count of wrong passwords then starts again from zero (as a directory's "reset the lockout
    /// counter after" does), so that failures spread over time do not add up to a lockout from one address.
    /// </summary>
    public double FailureWindowMinutes { get; set; } = 5;

    /// <summary>
    /// How many addresses (and accounts) with recent failures one node remembers; past that the longest quiet are
    /// forgotten first, so a spray of addresses cannot grow memory without bound.
    /// </summary>
    public int TrackedAddresses { get; set; } = 10_000;

    public bool IsValid() => MaxFailedAttempts is >= 2 and <= 100 && LockoutMinutes is > 0 and <= 7 * 24 * 60
        && TokenMinutes is > 0 and <= 24 * 60 && PasswordMinLength is >= 8 and <= 128
        && FailuresPerAddress >= 1 && FailuresPerAddress < MaxFailedAttempts
        && FailureWindowMinutes is > 0 and <= 24 * 60 && TrackedAddresses is >= 100 and <= 1_000_000;
}
