using System.Security.Claims;
using System.Security.Cryptography;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using AfterSales.Web.Modules.Audit.Contracts;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// <c>POST /api/v1/users/{userName}/lock</c>, <c>/unlock</c> and <c>/password</c>: the platform admin's actions on a
/// person. Each is audited and changes the security stamp, so the person's cookies and bearer tokens stop working on
/// their next request (<see cref="AccessStamp"/>); a lock lasts until unlocked, and nobody locks themselves.
/// </summary>
internal static class UserAdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users/{userName}").WithTags("Access").RequireAuthorization(AccessSetup.AdminPolicy);
        g.MapPost("/lock", LockAsync).WithName("LockUser")
            .WithSummary("Lock a user until unlocked: signing in answers 423 auth.locked_out and their sessions and tokens end. Platform admin only; locking oneself is 422 user.self_lock; an unknown user 404 user.not_found.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        g.MapPost("/unlock", UnlockAsync).WithName("UnlockUser")
            .WithSummary("Unlock a user (and clear their failed sign-in count). Their earlier sessions stay ended: they sign in again.")
            .ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/password", SetPasswordAsync).WithName("SetUserPassword")
            .WithSummary("Set a user's password: { password } (Identity's rules; 400 user.invalid) answers 204, { generate: true } answers 200 { password } once. The old password and the user's sessions and tokens stop working.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    internal static async Task<NoContent> LockAsync(string userName, HttpContext http, UserManager<AppUser> users,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await FindAsync(users, userName);
        if (user.Id == http.User.FindFirstValue(ClaimTypes.NameIdentifier)) throw new DomainException("user.self_lock");
        await using var tx = await db.Database.BeginWriteAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true));
        // MaxValue: Identity's "until unlocked", whatever the configured lockout length.
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        AuditLog.Append(db, http, AuditActions.UserLocked, user.Id, null, clock.GetUtcNow());
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> UnlockAsync(string userName, HttpContext http, UserManager<AppUser> users,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await FindAsync(users, userName);
        await using var tx = await db.Database.BeginWriteAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        AuditLog.Append(db, http, AuditActions.UserUnlocked, user.Id, null, clock.GetUtcNow());
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<GeneratedPassword>, NoContent>> SetPasswordAsync(string userName, SetPasswordRequest? body,
        HttpContext http, UserManager<AppUser> users, AfterSalesDbContext db, TimeProvider clock, AccessOptions options, CancellationToken ct)
    {
        var user = await FindAsync(users, userName);
        var generated = body?.Generate == true && string.IsNullOrEmpty(body.Password) ? NewPassword(options.PasswordMinLength) : null;
        var password = generated ?? body?.Password;
        var e = new FieldErrors();
        if (string.IsNullOrEmpty(password)) e.Add("password", "required");
        // The token endpoint reads at most 200 characters: a longer password could never sign in there.
        else if (password.Length > 200) e.Add("password", "at most 200 characters");
        else
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
                    e.Add("password", error.Description);
        e.ThrowIfAny("user.invalid");
        await using var tx = await db.Database.BeginWriteAsync(ct);
        // Both change the security stamp: the old password and every session end together.
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password!));
        AuditLog.Append(db, http, AuditActions.UserPasswordSet, user.Id, new { generated = generated is not null }, clock.GetUtcNow());
        await tx.CommitAsync(ct);
        if (generated is null) return TypedResults.NoContent();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new GeneratedPassword(generated));
    }

    private static async Task<AppUser> FindAsync(UserManager<AppUser> users, string userName) =>
        await users.FindByNameAsync(userName.Trim()) ?? throw new DomainException("user.not_found");

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var e = new FieldErrors();
        foreach (var error in result.Errors)
            e.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "user", error.Description);
        e.ThrowIfAny("user.invalid");
    }

    /// <summary>A password that meets Identity's default rules: each character class at least once, the rest random.</summary>
    internal static string NewPassword(int minLength)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+?";
        const string all = upper + lower + digits + symbols;
        var length = Math.Max(20, minLength);
        var chars = new char[length];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

/// <summary>
/// A session or token whose security stamp is not the person's current one is refused, on every request (not only
/// every 30 minutes, Identity's default): a lock, an unlock or a new password ends it on the next request. One lookup
/// of the user by id per request signed in with a cookie or a bearer token.
/// </summary>
internal static class AccessStamp
{
    public static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is null) return false;
        var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.ValidateSecurityStampAsync(principal) is not null;
    }
}
