using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Anti-forgery for the web UI (issue 5, scope 6). Forms (Razor Pages) carry the framework's token and are checked by
/// the pages' own filter. The API accepts the sign-in cookie too, so a change to the API (POST, PUT, PATCH, DELETE)
/// that is authenticated by the cookie alone must carry the same token in the <c>RequestVerificationToken</c> header:
/// a page of another site can make the browser send the cookie, never the token. Bearer credentials (keys, tokens)
/// are not sent by browsers on their own and need no token.
/// </summary>
public static class CookieAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IServiceCollection AddCookieAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = "AfterSales.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

    public static IApplicationBuilder UseCookieApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method) && http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await http.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(http, "auth.antiforgery_failed");
                return;
            }
        }
        await next();
    });
}
