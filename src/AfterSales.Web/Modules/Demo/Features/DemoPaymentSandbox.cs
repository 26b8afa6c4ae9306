using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>
/// In a demo (demo data seeded), plays the payment system for refunds requested after this service started: each is
/// reported "succeeded" <see cref="DemoOptions.SettleRefundsAfterSeconds"/> later through the very use case the payment
/// system's callback runs (RefundResults), as the actor "system". Refunds seeded as the demo's refunding showcase and
/// anything on a real deployment (no demo data) are left alone: there, only the payment system reports results.
/// </summary>
internal sealed class DemoPaymentSandbox(IServiceScopeFactory scopes, TimeProvider clock, DemoOptions options, ILogger<DemoPaymentSandbox> log)
    : BackgroundService
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(options.SettleRefundsAfterSeconds);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(options.SettleRefundsAfterSeconds / 4.0, 1, 5)), clock);
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SettleDueAsync(delay, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The demo payment sandbox could not settle refunds this round; it tries again.");
            }
        }
    }

    private async Task SettleDueAsync(TimeSpan delay, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var hooks = scope.ServiceProvider.GetRequiredService<CaseHooks>();
        var now = clock.GetUtcNow();
        // Few rows wait at a time (at most one requested refund per case); the times are compared here, not in SQL,
        // because SQLite cannot order DateTimeOffset columns.
        var waiting = await db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.Requested)
            .Select(r => new { r.Id, r.CreatedAt }).ToListAsync(ct);
        foreach (var r in waiting.Where(r => r.CreatedAt >= _started && r.CreatedAt + delay <= now))
        {
            db.ChangeTracker.Clear();
            var body = new RefundResultRequest("succeeded", "DEMO-PAY-" + r.Id.ToString("N")[..12].ToUpperInvariant(), "demo payment sandbox");
            await RefundResults.RecordAsync(r.Id, RefundStatus.Succeeded, body, Actor.System, db, clock, hooks, ct);
            log.LogInformation("Demo payment sandbox: refund {RefundId} reported paid.", r.Id);
        }
    }
}

internal static class DemoSetup
{
    /// <summary>The payment sandbox, only where the demo data is wanted (the embedded default, or Seed=true).</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var database = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.ShouldSeed(database) && options.SettleRefundsAfterSeconds > 0)
        {
            services.AddSingleton(options);
            services.AddHostedService<DemoPaymentSandbox>();
        }
        return services;
    }
}
