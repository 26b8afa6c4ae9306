using AfterSales.Web.Data;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>What was sent where, with what result; and the manual redelivery of a dead (or delivered) event.</summary>
internal static class DeliveryEndpoints
{
    private static readonly string[] Statuses = [WebhookDelivery.Pending, WebhookDelivery.Delivered, WebhookDelivery.Dead];

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/{webhookId:guid}/deliveries", ListAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Deliveries of a subscription, newest first, optionally of one status (pending, delivered, dead): event id and type, tries, last answer, next try.")
            .ProducesValidationProblem().ProducesProblem(404);
        g.MapPost("/deliveries/{deliveryId:long}/redeliver", RedeliverAsync).WithName("RedeliverWebhook")
            .WithSummary("Send a dead or delivered event again, with the same event id and a fresh budget of 8 tries. 409 while it is still pending.")
            .ProducesProblem(404).ProducesProblem(409);
    }

    internal static async Task<Ok<Page<DeliveryView>>> ListAsync(Guid webhookId, AfterSalesDbContext db, CancellationToken ct,
        string? status = null, int limit = 50, string? cursor = null)
    {
        var e = new FieldErrors();
        if (status is not null && !Statuses.Contains(status)) e.Add("status", "pending, delivered or dead");
        if (limit is < 1 or > 200) e.Add("limit", "1 to 200");
        if (cursor is not null && !Cursor.TryDecode(cursor, out _)) e.Add("cursor", "a nextCursor of this list");
        e.ThrowIfAny(WebhookValidator.Code);
        await WebhookEndpoints.FindAsync(db.Webhooks().AsNoTracking(), webhookId, ct);
        var q = db.WebhookDeliveries().AsNoTracking().Where(d => d.SubscriptionId == webhookId);
        if (status is not null) q = q.Where(d => d.Status == status);
        if (Cursor.TryDecode(cursor, out var after)) q = q.Where(d => d.Id < after);
        var rows = await q.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? Cursor.Encode(rows[limit - 1].Id) : null;
        return TypedResults.Ok(new Page<DeliveryView>([.. rows.Take(limit).Select(DeliveryView.From)], next));
    }

    internal static async Task<Accepted<DeliveryView>> RedeliverAsync(long deliveryId, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var d = await db.WebhookDeliveries().FirstOrDefaultAsync(x => x.Id == deliveryId, ct) ?? throw new DomainException("webhook.delivery_not_found");
        if (!d.Redeliver(clock.GetUtcNow())) throw new DomainException("webhook.delivery_pending");
        // Status is the concurrency token: two redeliveries at once, or one racing the sender's result, cannot both win.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("webhook.delivery_pending");
        }
        return TypedResults.Accepted($"/api/v1/webhooks/{d.SubscriptionId}/deliveries", DeliveryView.From(d));
    }
}
