using AfterSales.Web.Data;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>
/// Tries due deliveries. A try is claimed by one conditional UPDATE that counts the try and pushes its due time to
/// the end of a lease, so exactly one node makes it; no transaction stays open across the HTTP call. The result is
/// written only if the row still carries this claim, so a sender that outlived its lease cannot undo a newer try.
/// </summary>
internal sealed class WebhookSender(IServiceScopeFactory scopes, TimeProvider clock, WebhookPoster poster,
    IOptions<WebhookOptions> options, ILogger<WebhookSender> log)
{
    /// <summary>Tries what is due now, batch after batch; returns the number of tries made.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            List<(long Id, int Attempts)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
                var now = clock.GetUtcNow();
                due = (await db.WebhookDeliveries().AsNoTracking()
                    .Where(d => d.Status == WebhookDelivery.Pending && d.NextAttemptAt <= now)
                    .OrderBy(d => d.NextAttemptAt).Take(options.Value.BatchSize)
                    .Select(d => new { d.Id, d.Attempts }).ToListAsync(ct)).Select(d => (d.Id, d.Attempts)).ToList();
            }
            var tried = 0;
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
                async (d, token) =>
                {
                    if (await TryOneAsync(d.Id, d.Attempts, token)) Interlocked.Increment(ref tried);
                });
            total += tried;
            if (due.Count < options.Value.BatchSize) break;
        }
        return total;
    }

    private async Task<bool> TryOneAsync(long id, int seenAttempts, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var at = clock.GetUtcNow();
        var attempt = seenAttempts + 1;
        var leaseEnd = at + options.Value.Lease;
        var claimed = await db.WebhookDeliveries()
            .Where(d => d.Id == id && d.Status == WebhookDelivery.Pending && d.NextAttemptAt <= at && d.Attempts == seenAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempt).SetProperty(d => d.NextAttemptAt, leaseEnd)
                .SetProperty(d => d.LastAttemptAt, at), ct);
        if (claimed == 0) return false; // another node took it, or it was redelivered or deleted meanwhile

        var delivery = await db.WebhookDeliveries().AsNoTracking().FirstAsync(d => d.Id == id, ct);
        var subscription = await db.Webhooks().AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        var message = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == delivery.EventId, ct);
        if (subscription is null || message is null) return false; // deleted meanwhile: the cascade removes the row

        var result = await poster.PostAsync(subscription, message, at, ct);
        var done = clock.GetUtcNow();
        var wait = result.Success ? null : RetrySchedule.DelayAfter(attempt);
        var status = result.Success ? WebhookDelivery.Delivered : wait is null ? WebhookDelivery.Dead : WebhookDelivery.Pending;
        DateTimeOffset? next = wait is { } w ? at + w : null;
        DateTimeOffset? deliveredAt = result.Success ? done : null;
        await db.WebhookDeliveries().Where(d => d.Id == id && d.Status == WebhookDelivery.Pending && d.Attempts == attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LastStatusCode, result.StatusCode).SetProperty(d => d.LastError, result.Error)
                .SetProperty(d => d.DeliveredAt, deliveredAt), CancellationToken.None);
        if (status == WebhookDelivery.Dead)
            log.LogWarning("Webhook delivery {DeliveryId} of event {EventId} to {Url} is dead after {Attempts} tries: {Error}",
                id, message.Id, subscription.Url, attempt, result.Error);
        return true;
    }
}
