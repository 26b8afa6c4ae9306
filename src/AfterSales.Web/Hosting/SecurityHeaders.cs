namespace AfterSales.Web.Hosting;

/// <summary>
/// Response headers that keep browsers from misusing the API's answers: no MIME sniffing, no framing, no referrer,
/// no powerful features, and for the JSON API a policy that allows nothing to load. The API reference (/docs) loads
/// its own scripts and keeps the framework's defaults; the web UI's pages allow only their own resources.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health"))
                h.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            // The web UI's pages: only their own scripts, styles and images; forms post only to this site.
            else if (!path.StartsWithSegments("/docs") && !path.StartsWithSegments("/openapi"))
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        await next();
    });
}
