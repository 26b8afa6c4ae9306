using AfterSales.Web.Modules.Reporting.Contracts;

namespace AfterSales.Web.Modules.Reporting.Features;

/// <summary>The reporting module's services: the dashboard's figures (it maps no endpoint of its own; the pages read it).</summary>
internal static class ReportingSetup
{
    public static IServiceCollection AddReporting(this IServiceCollection services) => services.AddScoped<DashboardReports>();
}
