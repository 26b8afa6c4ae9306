using System.Security.Claims;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;

namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary>
/// What records a caller may see (DOMAIN.md §1, §10; contract §5): the platform and supervisors everything; a
/// merchant its shops' orders and cases; a consumer their own; an agent the cases of their queues. Every endpoint
/// that names a case or an order reads it through this filter, so a record outside the caller's scope is not found
/// (404, the same answer as a record that does not exist) and its existence does not leak. Access states the facts
/// (which shops, which consumer, which queues); the module that owns the records applies them to its own queries
/// (<c>CaseScope</c> in Cases, <c>OrderScope</c> in Orders).
/// <para>
/// An agent's queues are the queues whose required skill the agent has (or that require none), plus the cases no
/// queue holds (the implicit pool any agent may take from, as the router treats it), plus every case assigned to
/// the agent. Orders are the facts a case is judged on: staff who take calls (agents, supervisors) read every order,
/// with the recipient masked. The one provider's contract covers the whole platform until contracts are modelled;
/// then supervisors narrow to their contract's shops here and nowhere else.
/// </para>
/// </summary>
public sealed class DataScope
{
    public enum Kind { Everything, Shops, Consumer, Agent, Nothing }

    private static readonly object ItemKey = new();

    private DataScope(Kind kind, string actorId, IReadOnlyList<string> shops, string? consumerId, IReadOnlyList<string> queues)
    {
        Of = kind;
        ActorId = actorId;
        ShopIds = shops;
        ConsumerId = consumerId;
        QueueIds = queues;
    }

    public Kind Of { get; }
    public string ActorId { get; }
    public IReadOnlyList<string> ShopIds { get; }
    public string? ConsumerId { get; }
    public IReadOnlyList<string> QueueIds { get; }

    /// <summary>Nothing is hidden: background work, and the platform.</summary>
    public static readonly DataScope All = new(Kind.Everything, "system", [], null, []);

    /// <summary>The caller's scope, computed once per request from its acting role (the first role claim, as the case rules read it).</summary>
    public static async Task<DataScope> OfAsync(HttpContext http, AfterSalesDbContext db, CancellationToken ct)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached) && cached is DataScope s) return s;
        var scope = await BuildAsync(http.User, db, http.RequestServices.GetService<IAgentQueues>(), ct);
        http.Items[ItemKey] = scope;
        return scope;
    }

    private static async Task<DataScope> BuildAsync(ClaimsPrincipal user, AfterSalesDbContext db, IAgentQueues? agentQueues, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        if (!Wire.TryParse<ActorRole>(user.FindFirstValue(ClaimTypes.Role), out var role)) return new DataScope(Kind.Nothing, id, [], null, []);
        switch (role)
        {
            case ActorRole.Platform or ActorRole.Supervisor:
                return new DataScope(Kind.Everything, id, [], null, []);
            case ActorRole.Merchant:
                return new DataScope(Kind.Shops, id, [.. user.FindAll(AccessRoles.ShopClaim).Select(c => c.Value).Distinct()], null, []);
            case ActorRole.Consumer when user.FindFirstValue(AccessRoles.ConsumerClaim) is { Length: > 0 } consumer:
                return new DataScope(Kind.Consumer, id, [], consumer, []);
            case ActorRole.Agent:
                var queues = agentQueues is null ? [] : await agentQueues.QueuesOfAsync(db, id, ct);
                return new DataScope(Kind.Agent, id, [], null, queues);
            default:
                return new DataScope(Kind.Nothing, id, [], null, []);
        }
    }

    /// <summary>Shop-level data (a shop's policy override): every shop for staff, its own for a merchant, none for a consumer.</summary>
    public bool SeesShop(string shopId) => Of switch
    {
        Kind.Everything or Kind.Agent => true,
        Kind.Shops => ShopIds.Contains(shopId, StringComparer.Ordinal),
        _ => false,
    };
}

/// <summary>
/// The queues an agent works (Routing answers: the queues whose required skill the agent holds, or that require
/// none). Access owns the question so that it needs nothing from the module that knows the answer.
/// </summary>
public interface IAgentQueues
{
    Task<IReadOnlyList<string>> QueuesOfAsync(AfterSalesDbContext db, string agentId, CancellationToken ct);
}
