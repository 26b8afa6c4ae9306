using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// The access module's pair: ASP.NET Core Identity (users, roles, password rules, lockout) over the one model, the
/// framework's bearer token handler for API use and Identity's cookies for the web UI (no pages yet), and the
/// endpoints of API.md "Access". The default scheme stays <c>ApiKey</c>, which hands bearer tokens and cookies on.
/// </summary>
internal static class AccessSetup
{
    public const string AdminPolicy = "access.admin";

    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration config)
    {
        var o = config.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        if (!o.IsValid())
            throw new InvalidOperationException("AfterSales:Access: MaxFailedAttempts 2–100, LockoutMinutes up to a week, TokenMinutes up to a day, PasswordMinLength 8–128, FailuresPerAddress 1 to MaxFailedAttempts − 1, FailureWindowMinutes up to a day, TrackedAddresses 100–1,000,000.");
        services.AddSingleton(o);
        services.AddScoped<Contracts.AccessAdmin>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddOptions<IntegrationOptions>().Bind(config.GetSection(IntegrationOptions.Section))
            // An unknown role would read as the platform (RequestActor.Of): refuse to start instead.
            .Validate(k => k.KeysAreValid(), "AfterSales:Integration:Keys: each needs a Key of 16+ characters, an Actor (≤ 64) and a Role (consumer, merchant, agent, supervisor, platform).")
            .ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddCasePolicies();
        // Data Protection (keys in the database) is registered with the database (DatabaseSetup), for the CLI verbs too.
        services.AddAccessStores(o).AddSignInManager();
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, b => b.BearerTokenExpiration = TimeSpan.FromMinutes(o.TokenMinutes))
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(a =>
            {
                a.Cookie.Name = "AfterSales.Auth";
                a.Cookie.HttpOnly = true;
                a.Cookie.SameSite = SameSiteMode.Lax;
                a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                a.LoginPath = "/account/sign-in";
                a.LogoutPath = "/account/sign-out";
                a.AccessDeniedPath = "/account/denied";
                // An API call without a valid cookie is 401/403 problem+json, never a redirect to a page; a page redirects to sign-in.
                a.Events.OnRedirectToLogin = ctx => ApiOr(ctx, 401);
                a.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, 403);
                // Every request, not Identity's every 30 minutes: a lock or a new password ends the session at once.
                a.Events.OnValidatePrincipal = async ctx =>
                {
                    if (await AccessStamp.IsCurrentAsync(ctx.HttpContext, ctx.Principal)) return;
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                };
            }));
        // The platform admin acts as "platform" (AccessRoles.ActorRoleOf), as the bootstrap key does.
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireRole("platform"));
        services.AddSingleton<ApiKeyStore>();
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Identity over the one model, with the configured password and lockout rules (the host and the CLI verbs).</summary>
    public static IdentityBuilder AddAccessStores(this IServiceCollection services, AccessOptions o) =>
        services.AddIdentityCore<AppUser>(i =>
            {
                i.Password.RequiredLength = o.PasswordMinLength;
                i.Lockout.AllowedForNewUsers = true;
                i.Lockout.MaxFailedAccessAttempts = o.MaxFailedAttempts;
                i.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(o.LockoutMinutes);
                i.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AfterSalesDbContext>()
            .AddClaimsPrincipalFactory<AccessClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

    public static RouteGroupBuilder MapAccess(this RouteGroupBuilder api)
    {
        UserEndpoints.Map(api);
        UserAdminEndpoints.Map(api);
        TokenEndpoint.Map(api);
        ApiKeyEndpoints.Map(api);
        return api;
    }
}
