using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Modules.ServiceStandards.Sla.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Sla;

internal static class SlaSetup
{
    public const string ReadPolicy = "service-standards.read";
    public const string WritePolicy = "service-standards.write";

    /// <summary>Registers SLA clocks. Call after routing's setup: hooks run in registration order.</summary>
    public static IServiceCollection AddSla(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SlaOptions>().Bind(config.GetSection(SlaOptions.Section))
            .Validate(o => o.PollSeconds is > 0 and <= 60 && o.BatchSize is > 0 and <= 10_000, "AfterSales:Sla: PollSeconds 0–60, BatchSize 1–10000")
            .ValidateOnStart();
        // Staff read the service standards; only the platform (Party A) sets them (DOMAIN.md §1: "policies, service
        // standards, calendars"). Consumers read neither: what they see of a standard is their case's deadlines.
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole("merchant", "agent", "supervisor", "platform"))
            .AddPolicy(WritePolicy, p => p.RequireRole("platform"));
        services.AddSingleton<SlaHook>();
        services.AddSingleton<ICaseChangeHook>(sp => sp.GetRequiredService<SlaHook>());
        services.AddSingleton<IDueStepHandler, SlaSteps>();
        services.AddHostedService<SlaRecomputeWorker>();
        services.AddScoped<Contracts.SlaAdmin>();
        return services;
    }

    /// <summary>
    /// The default policy on first start (DOMAIN.md §5), on the CN statutory calendar: an admin's later PUT
    /// replaces it and is never overwritten. Refund after receipt counts calendar days (the law's 7 days).
    /// </summary>
    public static async Task SeedDefaultsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IOptions<SlaOptions>>().Value.SeedDefaultPolicy) return;
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        if (await db.SlaPolicies.AnyAsync(p => p.Id == SlaPolicy.DefaultId, ct)) return;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.SlaPolicies.Add(new SlaPolicy(SlaPolicy.DefaultId, DefaultPolicy, 1, "system", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Hosting.UniqueViolation.Is(e))
        {
            // Another node seeded it first.
        }
    }

    public static readonly SlaPolicyBody DefaultPolicy = new(
        "默认服务标准 / Default service standard", "cn", 0.75m, [],
        [
            new(SlaMetrics.FirstResponse, null, null, null, 240),
            new(SlaMetrics.FirstResponse, null, "high", null, 120),
            new(SlaMetrics.FirstResponse, null, "urgent", null, 60),
            new(SlaMetrics.MerchantResponse, null, null, null, 960),
            new(SlaMetrics.NextResponse, null, null, null, 480),
            new(SlaMetrics.Resolution, null, null, null, 4800),
            new(SlaMetrics.Resolution, CaseType.Complaint, null, null, 3360),
            new(SlaMetrics.RefundAfterReceipt, null, null, null, 7 * 24 * 60, "24x7"),
        ],
        [
            new("warning", null, "notify", Notify: "supervisor"),
            new("breached", null, "notify", Notify: "supervisor"),
            new("breached", null, "raise_priority"),
        ]);
}
