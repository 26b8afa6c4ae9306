using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Sla.Features;

internal sealed class SlaOptions
{
    public const string Section = "AfterSales:Sla";

    /// <summary>How often a node looks for recompute work, in seconds.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Cases per recompute transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Runs the recompute worker on this node.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Saves the default SLA policy on first start (off for tests that must count only lifecycle steps).</summary>
    public bool SeedDefaultPolicy { get; set; } = true;
}

/// <summary>
/// Runs recompute jobs, oldest first. A node holds a job by a lease it renews every batch, so several nodes
/// never run one job at once, and a job whose node died is taken over when its lease runs out.
/// </summary>
internal sealed class SlaRecomputeWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SlaOptions> options,
    ILogger<SlaRecomputeWorker> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly string _node = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "SLA recompute failed; trying again");
            }
            // Real time between polls, whatever clock the work is judged by (the test clock included).
            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Runs the oldest unfinished job this node can lease to its end; false when there is none.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var hook = scope.ServiceProvider.GetRequiredService<SlaHook>();
        var now = clock.GetUtcNow();
        var id = await db.SlaRecomputeJobs.AsNoTracking()
            .Where(j => (j.Status == SlaRecomputeJob.Queued || j.Status == SlaRecomputeJob.Running) && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(ct);
        if (id is null) return false;
        while (await LeaseAsync(db, id.Value, ct))
        {
            bool more;
            try
            {
                await using var tx = await db.Database.BeginWriteAsync(ct);
                more = await SlaRecompute.RunBatchAsync(db, hook, id.Value, options.Value.BatchSize, clock.GetUtcNow(), ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                more = true; // a person changed a case of this batch meanwhile: run the batch again on fresh rows
            }
            db.ChangeTracker.Clear();
            if (!more) break;
        }
        await db.SlaRecomputeJobs.Where(j => j.Id == id.Value).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null).SetProperty(j => j.LeaseOwner, (string?)null), ct);
        return true;
    }

    private async Task<bool> LeaseAsync(AfterSalesDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = now + Lease;
        // Take (free or expired) or renew (ours); one statement, so two nodes cannot both win.
        var rows = await db.SlaRecomputeJobs
            .Where(j => j.Id == id && j.Status != SlaRecomputeJob.Done && j.Status != SlaRecomputeJob.Superseded
                && (j.LeaseUntil == null || j.LeaseUntil < now || j.LeaseOwner == _node))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, mine).SetProperty(j => j.LeaseOwner, _node), ct);
        return rows == 1;
    }
}
