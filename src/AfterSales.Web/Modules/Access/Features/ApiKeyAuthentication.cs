using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using AfterSales.Web.Hosting;

namespace AfterSales.Web.Modules.Access.Features;

internal sealed class IntegrationOptions
{
    public const string Section = "AfterSales:Integration";

    /// <summary>The bootstrap integration key, accepted as a bearer token; it acts as the platform.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Further keys, each acting as one person in one role (e.g. an agent), until managed users and keys arrive.
    /// Nothing is accepted unless configured; tests use them to act as agents and supervisors.
    /// </summary>
    public List<RoleKey> Keys { get; set; } = [];

    /// <summary>Roles a configured key may carry: people's roles, never the system actor.</summary>
    public static readonly string[] KeyRoles = ["consumer", "merchant", "agent", "supervisor", "platform"];

    public bool KeysAreValid() => Keys.All(k => !string.IsNullOrEmpty(k.Key) && k.Key.Length >= 16
        && !string.IsNullOrWhiteSpace(k.Actor) && k.Actor.Length <= 64 && KeyRoles.Contains(k.Role));
}

/// <summary>A configured key: <c>AfterSales:Integration:Keys:0:Key</c>, <c>…:Actor</c>, <c>…:Role</c>.</summary>
internal sealed class RoleKey
{
    public string Key { get; set; } = "";
    public string Actor { get; set; } = "";
    public string Role { get; set; } = "";
}

/// <summary>
/// The one default scheme (a combined handler): <c>Authorization: Bearer …</c> is the bootstrap key, a configured key,
/// a managed key (<c>ask_…</c>, looked up by hash) or else a bearer token, handed to the framework's bearer token
/// handler; without the header, Identity's application cookie (the web UI). A wrong or missing credential is 401
/// problem+json; key comparisons are constant-time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<IntegrationOptions> integration, ProblemWriter problems, ApiKeyStore managedKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string BootstrapActor = "integration:bootstrap";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var cookie = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            return cookie.Succeeded ? cookie : AuthenticateResult.NoResult();
        }
        var presented = header["Bearer ".Length..].Trim();
        var expected = integration.Value.ApiKey;
        var (actor, role) = !string.IsNullOrEmpty(expected) && FixedTimeEquals(presented, expected) ? (BootstrapActor, "platform")
            : integration.Value.Keys.FirstOrDefault(k => FixedTimeEquals(presented, k.Key)) is { } key ? (key.Actor, key.Role)
            : (null, null);
        if (actor is not null) return Success([new Claim(ClaimTypes.NameIdentifier, actor), new Claim(ClaimTypes.Role, role!)]);
        if (presented.StartsWith(ApiKey.Prefix, StringComparison.Ordinal))
        {
            var db = Context.RequestServices.GetRequiredService<AfterSalesDbContext>();
            return await managedKeys.FindLiveAsync(db, presented, Context.RequestAborted) is { } managed
                ? Success(AccessRoles.ClaimsFor(managed.ActorId, managed.Name, managed.Roles, managed.ShopIds, null))
                : AuthenticateResult.Fail("invalid key");
        }
        var bearer = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        // A token issued before a lock or a password change (a new security stamp) is refused.
        return bearer.Succeeded && !await AccessStamp.IsCurrentAsync(Context, bearer.Principal) ? AuthenticateResult.Fail("stale token") : bearer;
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    // The API answers problem+json; the web UI's pages hand over to the cookie scheme, which redirects to the
    // sign-in page (anonymous) or the access-denied page (signed in, another role's area).
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => IsApi
        ? problems.WriteAsync(Context, "auth.required")
        : Context.ChallengeAsync(IdentityConstants.ApplicationScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => IsApi
        ? problems.WriteAsync(Context, "auth.forbidden")
        : Context.ForbidAsync(IdentityConstants.ApplicationScheme, properties);

    private bool IsApi => Request.Path.StartsWithSegments("/api");

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
