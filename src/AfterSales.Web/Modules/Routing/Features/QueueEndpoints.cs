using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Routing.Contracts;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary><c>/api/v1/queues</c>: the queues, their matching rules and the supervisor's figures.</summary>
internal static class QueueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/queues").WithTags("Routing");
        g.MapGet("/", ListAsync).WithName("ListQueues")
            .WithSummary("Every queue in precedence order (the first active match takes a new case), with depth (open cases), unassigned, oldest open case and SLA breaches.")
            .RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapGet("/{queueId}", GetAsync).WithName("GetQueue").WithSummary("One queue with its figures.").ProducesProblem(404)
            .RequireAuthorization(RoutingSetup.ReadPolicy);
        g.MapPut("/{queueId}", PutAsync).WithName("PutQueue")
            .WithSummary("Create or replace a queue: caseTypes and shopIds (empty: any), requiredSkill (null: any agent), precedence (lower first), active. Cases already queued stay where they are.")
            .ProducesValidationProblem().ProducesProblem(403).RequireAuthorization(RoutingSetup.WritePolicy);
    }

    internal static async Task<Ok<List<QueueView>>> ListAsync(AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var queues = await db.Queues.AsNoTracking().ToListAsync(ct);
        var stats = await QueueFigures.OfAsync(db, null, clock.GetUtcNow(), ct);
        return TypedResults.Ok(queues.OrderBy(q => q.Precedence).ThenBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => QueueView.From(q, stats.GetValueOrDefault(q.Id, QueueStats.Empty))).ToList());
    }

    internal static async Task<Ok<QueueView>> GetAsync(string queueId, AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var q = await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Id == queueId, ct) ?? throw new DomainException("routing.queue_not_found");
        var stats = await QueueFigures.OfAsync(db, queueId, clock.GetUtcNow(), ct);
        return TypedResults.Ok(QueueView.From(q, stats.GetValueOrDefault(q.Id, QueueStats.Empty)));
    }

    internal static async Task<Results<Created<QueueView>, Ok<QueueView>>> PutAsync(string queueId, QueueRequest? body,
        AfterSalesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var e = new FieldErrors();
        RoutingValidation.Slug(e, "queueId", queueId);
        if (body is null) { e.Add("body", "required"); e.ThrowIfAny("routing.invalid"); }
        RoutingValidation.Name(e, body!.Name);
        var types = RoutingValidation.CaseTypes(e, body.CaseTypes);
        var shops = RoutingValidation.ShopIds(e, body.ShopIds);
        if (body.RequiredSkill is not null && !await db.Skills.AnyAsync(s => s.Id == body.RequiredSkill, ct))
            e.Add("requiredSkill", "an existing skill id, or null for any agent");
        if (body.Precedence is not { } precedence || precedence is < 0 or > 1_000_000) e.Add("precedence", "required, 0 to 1000000 (lower is matched first)");
        e.ThrowIfAny("routing.invalid");
        var now = clock.GetUtcNow();
        var queue = await db.Queues.FirstOrDefaultAsync(q => q.Id == queueId, ct);
        var created = queue is null;
        if (queue is null) db.Queues.Add(queue = new Queue(queueId));
        queue.Define(body.Name!.Trim(), types, shops, body.RequiredSkill, body.Precedence!.Value, body.Active ?? true, now);
        await db.SaveChangesAsync(ct);
        var stats = await QueueFigures.OfAsync(db, queueId, now, ct);
        var view = QueueView.From(queue, stats.GetValueOrDefault(queueId, QueueStats.Empty));
        return created ? TypedResults.Created($"/api/v1/queues/{queueId}", view) : TypedResults.Ok(view);
    }
}
