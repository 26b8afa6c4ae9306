using AfterSales.Web.Data;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>Subscriptions (API.md "Events out"): create, read, delete, rotate the secret.</summary>
internal static class WebhookEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to event types (or \"*\"). Deliveries are signed with the secret (AfterSales-Signature: t=…,v1=…); the secret is never shown again.")
            .ProducesValidationProblem();
        g.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Every subscription, oldest first (secrets are never shown).");
        g.MapGet("/{webhookId:guid}", GetAsync).WithName("GetWebhook").WithSummary("One subscription.").ProducesProblem(404);
        g.MapDelete("/{webhookId:guid}", DeleteAsync).WithName("DeleteWebhook")
            .WithSummary("Unsubscribe: nothing more is sent, pending deliveries included, and its delivery history goes with it.").ProducesProblem(404);
        g.MapPost("/{webhookId:guid}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("Replace the secret. For overlapHours (default 24, 0–168) deliveries carry two v1 signatures, the new secret's first, so receivers can switch without losing events.")
            .ProducesValidationProblem().ProducesProblem(404);
    }

    internal static async Task<Created<WebhookView>> CreateAsync(CreateWebhookRequest? body, HttpContext http, AfterSalesDbContext db,
        TimeProvider clock, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var (url, events, secret) = WebhookValidator.Check(body, options.Value.AllowPrivateAddresses);
        var now = clock.GetUtcNow();
        var s = new WebhookSubscription(url, events, secret, RequestActor.Of(http).Id, now);
        db.Webhooks().Add(s);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhooks/{s.Id}", WebhookView.From(s, now));
    }

    internal static async Task<Ok<Page<WebhookView>>> ListAsync(AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // A handful per platform: one page, in the paged shape of every list.
        var rows = await db.Webhooks().AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<WebhookView>([.. rows.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(s => WebhookView.From(s, now))], null));
    }

    internal static async Task<Ok<WebhookView>> GetAsync(Guid webhookId, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(WebhookView.From(await FindAsync(db.Webhooks().AsNoTracking(), webhookId, ct), clock.GetUtcNow()));

    internal static async Task<NoContent> DeleteAsync(Guid webhookId, AfterSalesDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginWriteAsync(ct);
        // Deliveries first, explicitly: the cascade is the schema's promise, this keeps SQLite's foreign-key setting out of it.
        await db.WebhookDeliveries().Where(d => d.SubscriptionId == webhookId).ExecuteDeleteAsync(ct);
        if (await db.Webhooks().Where(s => s.Id == webhookId).ExecuteDeleteAsync(ct) == 0) throw new DomainException("webhook.not_found");
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<WebhookView>> RotateAsync(Guid webhookId, RotateSecretRequest? body, AfterSalesDbContext db, TimeProvider clock,
        IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var s = await FindAsync(db.Webhooks(), webhookId, ct);
        var (secret, overlap) = WebhookValidator.CheckRotation(body, options.Value.DefaultOverlapHours);
        var now = clock.GetUtcNow();
        s.RotateSecret(secret, overlap, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookView.From(s, now));
    }

    internal static async Task<WebhookSubscription> FindAsync(IQueryable<WebhookSubscription> set, Guid id, CancellationToken ct) =>
        await set.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException("webhook.not_found");
}
