
namespace AfterSales.Web.Modules.Audit.Features;

/// <summary>The audit module's pair: <see cref="AddAudit"/> and <c>AuditEndpoints.MapAudit</c>. The sealer itself is a DbContext interceptor (<c>DatabaseSetup</c>).</summary>
internal static class AuditSetup
{
    public const string ReadPolicy = "audit.read";

    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        // The log records what staff did and saw: only the platform (the admin) reads or verifies it.
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, p => p.RequireRole("platform"));
        services.AddScoped<Contracts.AuditAdmin>();
        return services;
    }
}
