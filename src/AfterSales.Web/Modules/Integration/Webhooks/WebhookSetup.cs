using AfterSales.Web.Modules.Integration.Webhooks.Features;
using AfterSales.Web.Modules.Integration.Contracts;

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
        // nobody subscribed.
        services.AddHttpClient(WebhookPoster.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
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
