using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Routing.Domain;

/// <summary>
/// A queue holds cases by type and shop (DOMAIN.md §6); its required skill says which agents may work it.
/// Queues are matched in explicit order: the lowest <see cref="Precedence"/> that matches wins, ties by id, so a
/// narrow queue (one shop) is given a smaller number than the broad one it carves out of (all complaints).
/// </summary>
public sealed class Queue
{
    private Queue() { }

    public Queue(string id) => Id = id;

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Empty: any type.</summary>
    public List<CaseType> CaseTypes { get; private set; } = [];

    /// <summary>Empty: any shop.</summary>
    public List<string> ShopIds { get; private set; } = [];

    /// <summary>The skill an agent needs to be assigned a case of this queue; null: any available agent.</summary>
    public string? RequiredSkill { get; private set; }

    public int Precedence { get; private set; }
    public bool Active { get; private set; } = true;
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Define(string name, IEnumerable<CaseType> caseTypes, IEnumerable<string> shopIds, string? requiredSkill,
        int precedence, bool active, DateTimeOffset now)
    {
        Name = name;
        CaseTypes = [.. caseTypes.Distinct()];
        ShopIds = [.. shopIds.Distinct()];
        RequiredSkill = requiredSkill;
        Precedence = precedence;
        Active = active;
        UpdatedAt = now;
    }

    public bool Matches(Case c) =>
        Active && (CaseTypes.Count == 0 || CaseTypes.Contains(c.Type)) && (ShopIds.Count == 0 || ShopIds.Contains(c.ShopId));

    /// <summary>The queue a case belongs in: the first active match in precedence order, or none.</summary>
    public static Queue? FirstMatch(IEnumerable<Queue> queues, Case c) =>
        queues.OrderBy(q => q.Precedence).ThenBy(q => q.Id, StringComparer.Ordinal).FirstOrDefault(q => q.Matches(c));
}
