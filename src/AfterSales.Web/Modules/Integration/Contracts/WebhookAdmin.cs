using AfterSales.Web.Data;
using AfterSales.Web.Modules.Integration.Webhooks.Features;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Integration.Contracts;

/// <summary>
/// The admin pages' front door to webhooks: the same use cases as <c>/api/v1/webhooks</c> and its deliveries (their
/// checks and problems).
/// </summary>
public sealed class WebhookAdmin(AfterSalesDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>The overlap a rotation keeps the previous secret for when none is given, in hours.</summary>
    public double DefaultOverlapHours => options.Value.DefaultOverlapHours;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct) => (await WebhookEndpoints.ListAsync(db, clock, ct)).Value!.Items;

    /// <summary>One subscription; <c>webhook.not_found</c> when there is none.</summary>
    public async Task<WebhookView> GetAsync(Guid webhookId, CancellationToken ct) => (await WebhookEndpoints.GetAsync(webhookId, db, clock, ct)).Value!;

    public async Task<WebhookView> CreateAsync(CreateWebhookRequest body, HttpContext http, CancellationToken ct) =>
        (await WebhookEndpoints.CreateAsync(body, http, db, clock, options, ct)).Value!;

    public Task RotateAsync(Guid webhookId, RotateSecretRequest body, CancellationToken ct) =>
        WebhookEndpoints.RotateAsync(webhookId, body, db, clock, options, ct);

    public Task DeleteAsync(Guid webhookId, CancellationToken ct) => WebhookEndpoints.DeleteAsync(webhookId, db, ct);

    /// <summary>A subscription's deliveries, newest first, keyset paged (the API's checks of the status and cursor).</summary>
    public async Task<Page<DeliveryView>> DeliveriesAsync(Guid webhookId, string? status, int limit, string? cursor, CancellationToken ct) =>
        (await DeliveryEndpoints.ListAsync(webhookId, db, ct, status, limit, cursor)).Value!;

    public Task RedeliverAsync(long deliveryId, CancellationToken ct) => DeliveryEndpoints.RedeliverAsync(deliveryId, db, clock, ct);
}
