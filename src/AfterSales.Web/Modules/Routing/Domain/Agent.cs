namespace AfterSales.Web.Modules.Routing.Domain;

/// <summary>
/// A person who works cases. <see cref="AgentId"/> is the same id a case's <c>assignee</c> holds (64 characters
/// at most, like that column). <see cref="Capacity"/> is the most open cases the router gives this agent; people
/// may still assign beyond it by hand (a supervisor knows better than a number).
/// </summary>
public sealed class Agent
{
    private Agent() { }

    public Agent(string agentId) => AgentId = agentId;

    public string AgentId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<string> Skills { get; private set; } = [];
    public int Capacity { get; private set; }
    public bool Available { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Define(string name, IEnumerable<string> skills, int capacity, bool available, DateTimeOffset now)
    {
        Name = name;
        Skills = [.. skills.Distinct()];
        Capacity = capacity;
        Available = available;
        UpdatedAt = now;
    }
}
