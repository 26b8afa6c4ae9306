using AfterSales.Web.Modules.Integration.Webhooks.Features;
using AfterSales.Web.Modules.Integration.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Web.Modules.Integration.Webhooks;

/// <summary>The webhooks module's one pair: <see cref="AddWebhooks"/> and <see cref="MapWebhooks"/>.</summary>
internal static class WebhookSetup
{
    public const string ManagePolicy = "webhooks.manage";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section))
            .Validate(o => o.PollSeconds is > 0 and <= 60 && o.TimeoutSeconds is > 0 and <= 60 && o.BatchSize is > 0 and <= 10_000
                && o.Concurrency is > 0 and <= 64 && o.DefaultOverlapHours is >= 0 and <= 168,
                "AfterSales:Webhooks: PollSeconds 0–60, TimeoutSeconds 0–60, BatchSize 1–10000, Concurrency 1–64, DefaultOverlapHours 0–168")
            .ValidateOnStart();
        // Redirects are not followed: a 3xx is not an acknowledgement, and following one would sign a request to a URL
        // nobody subscribed (or reach a private address past the guard). The guard resolves and connects (SSRF, DNS
        // rebinding); no proxy, or the guard would check the proxy's address instead of the receiver's.
        services.TryAddSingleton<IWebhookResolver, SystemWebhookResolver>();
        services.AddSingleton<WebhookConnectGuard>();
        services.AddHttpClient(WebhookPoster.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, UseCookies = false, UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnectGuard>().ConnectAsync,
            });
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookWorker>();
        services.AddScoped<Contracts.WebhookAdmin>();
        // Where events go is the platform's configuration, like the integration keys.
        services.AddAuthorizationBuilder().AddPolicy(ManagePolicy, p => p.RequireRole("platform"));
        return services;
    }

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(ManagePolicy);
        WebhookEndpoints.Map(g);
        DeliveryEndpoints.Map(g);
        return api;
    }
}
