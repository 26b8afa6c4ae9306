namespace AfterSales.Web.Hosting;

/// <summary>
/// Response headers that keep browsers from misusing the API's answers: no MIME sniffing, no framing, no referrer,
/// no powerful features, and for the JSON API a policy that allows nothing to load. The API reference (/docs) loads
/// its own scripts and keeps the framework's defaults; the web UI brings its own policy when it arrives.
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
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health"))
                h.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        await next();
    });
}
