using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Modules.Access.Features;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Modules.Access.Contracts;

public enum PasswordCheckOutcome
{
    Succeeded,
    /// <summary>No such user, or the wrong password (one answer for both, so names cannot be probed).</summary>
    Invalid,
    /// <summary>The account is locked: by its run of wrong passwords, or by an administrator (no end).</summary>
    LockedOut,
    /// <summary>The client's address has failed too often: nothing was checked (<see cref="PasswordCheck.RetryAfterSeconds"/>).</summary>
    Throttled,
}

/// <summary>What a password check found; <see cref="User"/> when the name was known and the attempt was not refused.</summary>
public sealed record PasswordCheck(PasswordCheckOutcome Outcome, AppUser? User = null, DateTimeOffset? LockedOutUntil = null, int RetryAfterSeconds = 0);

/// <summary>
/// The one rule for a person's password, shared by <c>POST /api/v1/auth/token</c> and the web UI's sign-in page:
/// the client address's throttle first (<see cref="SignInThrottle"/>: a refused address checks nothing and counts
/// toward no lockout), then Identity's check with its account lockout, then the audit of every attempt on a known
/// user. The caller turns a success into a token or a cookie.
/// </summary>
public sealed class PasswordSignIn(IServiceProvider services, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    AfterSalesDbContext db, TimeProvider clock)
{
    private readonly SignInThrottle _throttle = services.GetRequiredService<SignInThrottle>();

    /// <summary>Checks <paramref name="password"/> for <paramref name="userName"/> from the client of <paramref name="http"/>;
    /// <paramref name="method"/> is how the person signs in, for the audit (<c>password</c>, <c>password_cookie</c>).</summary>
    public async Task<PasswordCheck> CheckAsync(HttpContext http, string userName, string password, string method)
    {
        using var attempt = _throttle.TryBegin(SignInThrottle.AddressOf(http), out var wait);
        if (attempt is null) return new(PasswordCheckOutcome.Throttled, RetryAfterSeconds: Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            attempt.Failed(null);
            return new(PasswordCheckOutcome.Invalid);
        }
        // The account's earlier failures ended a window ago: this run starts from zero (AccessOptions.FailureWindowMinutes).
        if (user.AccessFailedCount > 0 && _throttle.AccountRunIsOver(user.Id)) await users.ResetAccessFailedCountAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded) attempt.Failed(user.Id);
        await TokenEndpoint.AuditSignInAsync(db, user, result, clock.GetUtcNow(), method);
        if (result.IsLockedOut) return new(PasswordCheckOutcome.LockedOut, user, await users.GetLockoutEndDateAsync(user));
        return new(result.Succeeded ? PasswordCheckOutcome.Succeeded : PasswordCheckOutcome.Invalid, user);
    }
}
