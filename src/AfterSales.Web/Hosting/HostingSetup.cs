using System.Globalization;
using AfterSales.Web.Hosting.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;

namespace AfterSales.Web.Hosting;

/// <summary>The cross-cutting pieces of the host, wired once: JSON, problems, auth, localization, logs, OpenAPI.</summary>
public static class HostingSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddAfterSalesHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
        services.AddSingleton<TimeProvider>(new StorableClock(TimeProvider.System));
        services.Configure<JsonOptions>(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddLocalization();
        // Pages write Chinese as characters, not as &#x…; entities (the framework's encoder escapes all but Basic Latin).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<ProblemWriter>();
        // The authentication schemes are Access's (AddAccess); authorization policies are each module's.
        services.AddAuthorization();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "AfterSales API";
            doc.Info.Description = "The after-sales service system (售后服务体系): orders, cases, refunds. Errors are application/problem+json with a stable `code`.";
            // One bearer scheme covers all three credentials: the bootstrap key, a managed API key or a token from POST /api/v1/auth/token.
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (bootstrap or managed, ask_…) or an access token from POST /api/v1/auth/token.",
            };
            doc.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", doc)] = [] }];
            return Task.CompletedTask;
        }));
        services.AddAfterSalesRateLimits(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 12 * 1024 * 1024);
        return builder;
    }

    public static WebApplication UseAfterSalesHosting(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Localization first: the exception handler writes problems in the request's language.
        app.UseRequestLocalization();
        // wwwroot as middleware, not MapStaticAssets: its catch-all file endpoint answered every unknown POST with 405
        // (Allow: GET, HEAD) instead of 404.
        // Not for a path with text that is no text (U+0000): the file provider throws on it; routing answers it, and the
        // route value is refused by the input check below.
        app.UseWhen(http => InputText.IsAllowed(http.Request.Path.Value), files => files.UseStaticFiles());
        app.UseExceptionHandler();
        // The web UI's pages: an empty error answer (404 of an unknown address or a record outside one's scope) is an
        // HTML page in the person's language, not problem+json.
        static bool IsPage(HttpContext http) =>
            !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/health")
            && !http.Request.Path.StartsWithSegments("/openapi") && !http.Request.Path.StartsWithSegments("/docs");
        app.UseWhen(IsPage, pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Responses the framework ends without a body get the same problem as ours, with a stable code.
        app.UseWhen(http => !IsPage(http), api => api.UseStatusCodePages(context => ErrorCatalog.GenericCodeOf(context.HttpContext.Response.StatusCode) is { } code
            ? context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(context.HttpContext, code)
            : context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(context.HttpContext,
                new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.HttpContext.Response.StatusCode })));
        // Explicit, after the status code pages: a re-executed error page (/error/404) must be routed afresh.
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the limiter partitions by the key or person, not only by address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCookieApiAntiforgery();
        // Before any use case or the idempotency record reads the request: text no person can type is refused here, once.
        app.UseMiddleware<InputTextMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
