using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Cases.Automation;

internal static class AutomationSetup
{
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TimerOptions>().Bind(config.GetSection(TimerOptions.Section))
            .Validate(o => o.PollSeconds is > 0 and <= 60 && o.BatchSize is > 0 and <= 10_000, "AfterSales:Timers: PollSeconds 0–60, BatchSize 1–10000")
            .ValidateOnStart();
        var clock = config.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        services.AddSingleton(Options.Create(clock));
        if (clock.Manual)
            services.AddSingleton<TimeProvider>(new ManualClock(clock.Start ?? TimeProvider.System.GetUtcNow()));
        services.AddSingleton<Contracts.CaseHooks>();
        services.AddSingleton<DueStepRunner>();
        services.AddHostedService<TimerWorker>();
        return services;
    }

    public static RouteGroupBuilder MapAutomation(this RouteGroupBuilder api, IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<ClockOptions>>().Value.Manual) api.MapTestClock();
        return api;
    }
}
