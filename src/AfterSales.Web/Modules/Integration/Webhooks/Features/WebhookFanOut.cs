using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>
/// Turns undispatched outbox rows, oldest first, into one delivery per matching subscription and marks the rows
/// dispatched — in one transaction, so an event is fanned out exactly once even if the node dies halfway. On
/// PostgreSQL the batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes take different rows;
/// SQLite has a single writer and needs no claim.
/// </summary>
internal sealed class WebhookFanOut(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>Fans out until the outbox is drained; returns the number of deliveries created.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var (rows, created) = await RunBatchAsync(ct);
            total += created;
            if (rows < options.Value.BatchSize) break;
        }
        return total;
    }

    private async Task<(int Rows, int Created)> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var subscriptions = await db.Webhooks().AsNoTracking().ToListAsync(ct);
        // Without a subscriber nothing is written: rows wait, and the first subscriber skips them by time (below),
        // so the worker costs an idle service one read per poll.
        if (subscriptions.Count == 0) return (0, 0);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginWriteAsync(ct);
        var batch = await ClaimAsync(db, options.Value.BatchSize, ct);
        var created = 0;
        foreach (var message in batch)
        {
            // A subscription receives what happened since it exists, not the history before it.
            foreach (var s in subscriptions.Where(s => s.Wants(message.Type) && message.OccurredAt >= s.CreatedAt))
            {
                db.WebhookDeliveries().Add(new WebhookDelivery(s.Id, message.Id, message.Type, now));
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        var ids = batch.Select(m => m.Id).ToList();
        await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, now), ct);
        await tx.CommitAsync(ct);
        return (batch.Count, created);
    }

    private static Task<List<OutboxMessage>> ClaimAsync(AfterSalesDbContext db, int size, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Outbox.FromSql($"SELECT * FROM outbox WHERE \"DispatchedAt\" IS NULL ORDER BY \"OccurredAt\", \"Id\" LIMIT {size} FOR UPDATE SKIP LOCKED")
                .AsNoTracking().ToListAsync(ct)
            : db.Outbox.Where(m => m.DispatchedAt == null).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(size)
                .AsNoTracking().ToListAsync(ct);
}
