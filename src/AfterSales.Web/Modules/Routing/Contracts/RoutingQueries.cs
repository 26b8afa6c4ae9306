using AfterSales.Web.Data;
using AfterSales.Web.Modules.Routing.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Routing.Contracts;

/// <summary>
/// What the desk pages read of routing: the agents (for the assign form), the names of queues and people, and each
/// queue's figures. Admin-managed, small tables: each question is one read.
/// </summary>
public sealed class RoutingQueries(AfterSalesDbContext db)
{
    /// <summary>The skill <paramref name="queueId"/> requires (null: none, or no such queue).</summary>
    public async Task<string?> RequiredSkillAsync(string? queueId, CancellationToken ct) =>
        queueId is null ? null
            : await db.Queues.AsNoTracking().Where(q => q.Id == queueId).Select(q => q.RequiredSkill).FirstOrDefaultAsync(ct);

    /// <summary>Every agent.</summary>
    public async Task<List<Agent>> AgentsAsync(CancellationToken ct) => await db.Agents.AsNoTracking().ToListAsync(ct);

    /// <summary>Every queue that has a name, by id.</summary>
    public async Task<Dictionary<string, string>> QueueNamesAsync(CancellationToken ct) =>
        (await db.Queues.AsNoTracking().Select(q => new { q.Id, q.Name }).ToListAsync(ct))
            .Where(q => !string.IsNullOrWhiteSpace(q.Name)).ToDictionary(q => q.Id, q => q.Name, StringComparer.Ordinal);

    /// <summary>
    /// The names of those of <paramref name="ids"/> that have one: the routing name (孙丽) first, the name colleagues
    /// know; the sign-in's display name for anyone else.
    /// </summary>
    public async Task<Dictionary<string, string>> PeopleNamesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var agents = await db.Agents.AsNoTracking().Where(a => ids.Contains(a.AgentId) && a.Name != "")
            .Select(a => new { a.AgentId, a.Name }).ToListAsync(ct);
        foreach (var a in agents) names[a.AgentId] = a.Name;
        var rest = ids.Where(id => !names.ContainsKey(id)).ToList();
        if (rest.Count > 0)
        {
            var users = await db.Users.AsNoTracking().Where(u => rest.Contains(u.Id) && u.DisplayName != null && u.DisplayName != "")
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            foreach (var u in users) names[u.Id] = u.DisplayName!;
        }
        return names;
    }

    /// <summary>Every queue's figures at <paramref name="now"/> (depth, unassigned, oldest, breached).</summary>
    public Task<Dictionary<string, QueueStats>> QueueFiguresAsync(DateTimeOffset now, CancellationToken ct) => QueueFigures.OfAsync(db, null, now, ct);
}
