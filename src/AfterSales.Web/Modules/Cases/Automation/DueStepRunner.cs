using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Automation;

/// <summary>
/// Finds due timer rows in batches (index on DueAt) and runs each step exactly once, in its own transaction with
/// its effect and its timeline event. Each step first takes the order lock that every person's action takes, then
/// locks its timer row (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL) and re-checks it: a row another node ran or is
/// running is skipped, so several nodes share the work without running a step twice. Taking the order lock first,
/// like the actions do, is what keeps a step and a racing action from deadlocking on each other's rows; committing
/// per step keeps the fire lag of a steady stream to about one poll.
/// </summary>
internal sealed class DueStepRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimerOptions> options, ILogger<DueStepRunner> log)
{
    /// <summary>Runs what is due now until nothing is left; returns the number of steps run.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var (found, ran) = await RunBatchAsync(ct);
            total += ran;
            if (found < options.Value.BatchSize) break;
        }
        return total;
    }

    private async Task<(int Found, int Ran)> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Timers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt)
            .Take(options.Value.BatchSize).ToListAsync(ct);
        // Nodes reading the same batch start at different cases, so they mostly run different steps; a case's own
        // steps stay in due order (an SLA warning before its breach).
        var order = due.GroupBy(t => t.CaseId).OrderBy(_ => Random.Shared.Next()).SelectMany(g => g.OrderBy(t => t.DueAt)).ToList();
        var ran = 0;
        foreach (var timer in order)
        {
            if (await RunStepAsync(db, scope.ServiceProvider, timer, now, ct)) ran++;
            db.ChangeTracker.Clear();
        }
        return (due.Count, ran);
    }

    /// <summary>Runs one due step; true only once its effect is committed.</summary>
    private async Task<bool> RunStepAsync(AfterSalesDbContext db, IServiceProvider services, CaseTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        try
        {
            await CaseAccess.LockOrderOfCaseAsync(db, timer.CaseId, ct);
            if (!await ClaimAsync(db, timer.Id, now, ct)) return false; // run, moved or taken by another node
            var c = await CaseAccess.LoadAsync(db, timer.CaseId, ct);
            var handler = services.GetServices<IDueStepHandler>().FirstOrDefault(h => timer.Step.StartsWith(h.Prefix, StringComparison.Ordinal));
            var ran = handler is null ? c.RunDueStep(timer.Step, now) : await handler.RunAsync(db, c, timer.Step, now, ct);
            if (!ran) c.Timers.RemoveAll(t => t.Id == timer.Id); // stale: drop it, never loop on it
            await CaseAccess.CheckOrderRefundsAsync(db, c, ct);
            // Even after a stale step: the hooks re-plan whatever the case still needs (a dropped SLA timer comes back).
            await services.GetRequiredService<CaseHooks>().RunAsync(db, c, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ran;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad step must not hold back the others: undo it, push it back, and say so.
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            await db.Timers.Where(t => t.Id == timer.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, now.AddMinutes(5)), CancellationToken.None);
            log.LogError(e, "Automatic step {Step} of case {CaseId} failed; retrying in 5 minutes", timer.Step, timer.CaseId);
            return false;
        }
    }

    /// <summary>Locks the timer row if it is still there and still due.</summary>
    private static async Task<bool> ClaimAsync(AfterSalesDbContext db, long timerId, DateTimeOffset now, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return await db.Timers.AnyAsync(t => t.Id == timerId && t.DueAt <= now, ct); // the single writer already serializes
        var rows = await db.Timers.FromSql(
                $"SELECT * FROM case_timers WHERE \"Id\" = {timerId} AND \"DueAt\" <= {now} FOR UPDATE SKIP LOCKED")
            .AsNoTracking().ToListAsync(ct);
        return rows.Count == 1;
    }
}
