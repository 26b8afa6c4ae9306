using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Routing.Domain;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary>The routing module's one pair: <see cref="AddCaseRouting"/> and <see cref="MapCaseRouting"/>.</summary>
internal static class RoutingSetup
{
    public const string ReadPolicy = "routing.read";
    public const string WritePolicy = "routing.write";

    public static IServiceCollection AddCaseRouting(this IServiceCollection services)
    {
        services.AddSingleton<ISkillQualification, SkillHeldQualification>();
        services.AddSingleton<Router>();
        services.AddScoped<RoutingQueries>().AddScoped<RoutingAdmin>();
        services.AddSingleton<ICaseChangeHook, RoutingHook>();
        services.AddSingleton<Access.Contracts.IAgentQueues, AgentQueues>();
        // Staff read queues and agents; changing them is a supervisor's or the platform's (DOMAIN.md §1, §6).
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole("agent", "supervisor", "platform"))
            .AddPolicy(WritePolicy, p => p.RequireRole("supervisor", "platform"));
        return services;
    }

    public static RouteGroupBuilder MapCaseRouting(this RouteGroupBuilder api)
    {
        QueueEndpoints.Map(api);
        AgentEndpoints.Map(api);
        SkillEndpoints.Map(api);
        return api;
    }
}
