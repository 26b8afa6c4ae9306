using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Access.Features;

internal sealed record TokenRequest(string? UserName, string? Password);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>POST /api/v1/auth/token</c>: a person's password for a bearer token, by the rule the sign-in page shares
/// (<see cref="PasswordSignIn"/>: the address's throttle, Identity's check and lockout, the audit); the token is the
/// framework's data-protected bearer ticket, read back by its handler.
/// </summary>
internal static class TokenEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueAsync).WithTags("Access").WithName("IssueToken").AllowAnonymous()
            .WithSummary("Sign in with user name and password; answers a bearer access token and when it expires. Wrong credentials: 401 auth.invalid_credentials; after too many wrong passwords: 423 auth.locked_out with lockedOutUntil; after too many failures from the client's address (AfterSales:Access:FailuresPerAddress): 429 auth.throttled with Retry-After, the password not checked.")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(423).ProducesProblem(429);
    }

    private static async Task<Ok<TokenResponse>> IssueAsync(TokenRequest? body, HttpContext http, PasswordSignIn passwords,
        IUserClaimsPrincipalFactory<AppUser> claims, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var e = new FieldErrors();
        if (string.IsNullOrEmpty(body?.UserName) || body.UserName.Length > 100) e.Add("userName", "required");
        if (string.IsNullOrEmpty(body?.Password) || body.Password.Length > 200) e.Add("password", "required");
        e.ThrowIfAny();
        var check = await passwords.CheckAsync(http, body!.UserName!, body.Password!, "password");
        var user = check.Outcome switch
        {
            PasswordCheckOutcome.Succeeded => check.User!,
            PasswordCheckOutcome.Throttled => throw new DomainException("auth.throttled", null,
                new Dictionary<string, object?> { ["retryAfterSeconds"] = check.RetryAfterSeconds }),
            PasswordCheckOutcome.LockedOut => throw new DomainException("auth.locked_out", null,
                new Dictionary<string, object?> { ["lockedOutUntil"] = check.LockedOutUntil }),
            _ => throw new DomainException("auth.invalid_credentials"),
        };

        var made = await claims.CreateAsync(user);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(made.Claims, IdentityConstants.BearerScheme));
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
        // The same ticket the handler's own sign-in would write, so that the handler reads it back unchanged.
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, $"{IdentityConstants.BearerScheme}:AccessToken");
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    /// <summary>Every password sign-in of a known user, its outcome included (a run of failures is what an audit looks for).</summary>
    public static async Task AuditSignInAsync(AfterSales.Web.Data.AfterSalesDbContext db, AppUser user, SignInResult result, DateTimeOffset now, string method = "password")
    {
        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked_out" : "failed";
        await using var tx = await db.Database.BeginWriteAsync();
        Audit.Contracts.AuditLog.Append(db, user.Id, "user", Audit.Domain.AuditActions.SignIn, user.UserName, new { outcome, method }, now);
        await tx.CommitAsync();
    }
}
