using AfterSales.Web.Modules.Policies.Contracts;

namespace AfterSales.Web.Modules.Policies.Features;

/// <summary>The policies module's services; its endpoints are <see cref="PolicyEndpoints.MapPolicies"/>.</summary>
internal static class PoliciesSetup
{
    public static IServiceCollection AddPolicies(this IServiceCollection services) => services.AddScoped<PolicyAdmin>();
}
