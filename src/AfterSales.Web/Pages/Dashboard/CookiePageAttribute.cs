using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>
/// Authenticates the dashboard's pages by the sign-in cookie alone. The service's default scheme is the API's (a
/// missing credential is 401 problem+json), which is right for /api but leaves a browser on a bare 401; naming the
/// cookie scheme here makes the folder policy's challenge a redirect to the sign-in page and its refusal a redirect to
/// the access-denied page (403), as the cookie's events do for every path outside /api.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CookiePageAttribute : AuthorizeAttribute
{
    /// <summary>Identity's application cookie (IdentityConstants.ApplicationScheme is not a constant, so it is spelled here).</summary>
    public const string Scheme = "Identity.Application";

    public CookiePageAttribute() => AuthenticationSchemes = Scheme;
}
