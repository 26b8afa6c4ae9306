using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>The case module's services; its endpoints are <see cref="CaseEndpoints.MapCases"/>.</summary>
internal static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration config)
    {
        // The front doors the pages read and write through (the UI holds no DbContext).
        services.AddScoped<CaseQueries>().AddScoped<CaseCommands>().AddScoped<WorkQueries>();
        services.AddOptions<AttachmentOptions>().Bind(config.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes is > 0 and <= 50 * 1024 * 1024, "AfterSales:Attachments:MaxBytes must be 1 byte to 50 MiB.")
            .ValidateOnStart();
        services.AddSingleton<Orders.Contracts.IOrderLineUsage, OrderLineUsage>();
        services.AddSingleton<ICaseChangeHook, AuditCaseHook>();
        services.AddSingleton<ICaseChangeHook, ReturnAddressHook>();
        return services;
    }
}
