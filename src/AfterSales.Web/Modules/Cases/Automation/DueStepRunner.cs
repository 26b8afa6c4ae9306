using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Cases.Automation;

/// <summary>
/// Claims due timer rows in batches and runs each step exactly once, in the same transaction as its effect and
/// its timeline event. On PostgreSQL the claim is <c>FOR UPDATE SKIP LOCKED</c>, so several nodes share the work
/// without running a step twice; on SQLite the single writer serializes the claims.
/// </summary>
public sealed class DueStepRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimerOptions> options, ILogger<DueStepRunner> log)
{
    /// <summary>Runs what is due now until nothing is left; returns the number of steps run.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var (claimed, ran) = await RunBatchAsync(ct);
            total += ran;
            if (claimed < options.Value.BatchSize) break;
        }
        return total;
    }

    private async Task<(int Claimed, int Ran)> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await ClaimAsync(db, now, options.Value.BatchSize, ct);
        var ran = 0;
        foreach (var timer in due)
        {
            if (await RunStepAsync(db, tx, timer, now, ct)) ran++;
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return (due.Count, ran);
    }

    /// <summary>
    /// Runs one claimed step inside the batch's transaction; true only once its effect is saved. A case changed by
    /// an action that committed after we read it (assign, a message: the version moved) is read again and decided
    /// again; before, the step was counted as run although its save failed, and pushed back 5 minutes as a fault.
    /// </summary>
    private async Task<bool> RunStepAsync(AfterSalesDbContext db, IDbContextTransaction tx, CaseTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await tx.CreateSavepointAsync("step", ct);
            try
            {
                var c = await db.Cases.Include(x => x.Refunds).Include(x => x.Timers).AsSplitQuery().FirstAsync(x => x.Id == timer.CaseId, ct);
                var ran = c.RunDueStep(timer.Step, now);
                if (!ran) db.Timers.RemoveRange(c.Timers.Where(t => t.Id == timer.Id)); // stale: drop it, never loop on it
                await db.SaveChangesAsync(ct);
                return ran;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await tx.RollbackToSavepointAsync("step", ct);
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad step must not hold back the others: undo it, push it back, and say so.
                await tx.RollbackToSavepointAsync("step", ct);
                db.ChangeTracker.Clear();
                await db.Timers.Where(t => t.Id == timer.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, now.AddMinutes(5)), ct);
                log.LogError(e, "Automatic step {Step} of case {CaseId} failed; retrying in 5 minutes", timer.Step, timer.CaseId);
                return false;
            }
        }
    }

    private static Task<List<CaseTimer>> ClaimAsync(AfterSalesDbContext db, DateTimeOffset now, int batch, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Timers.FromSql($"SELECT * FROM case_timers WHERE \"DueAt\" <= {now} ORDER BY \"DueAt\" LIMIT {batch} FOR UPDATE SKIP LOCKED")
                .AsNoTracking().ToListAsync(ct)
            : db.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(batch).AsNoTracking().ToListAsync(ct);
}
