using System.Text.Json;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>One thing that happened to a case: who, in which role, what, when, and the data that came with it.</summary>
public sealed class TimelineEvent
{
    private TimelineEvent() { }

    internal TimelineEvent(long caseId, DateTimeOffset at, Actor actor, string type, CaseStatus? from, CaseStatus? to, Dictionary<string, object?>? data)
    {
        CaseId = caseId;
        At = at;
        ActorId = actor.Id;
        Role = actor.Role;
        Type = type;
        FromStatus = from;
        ToStatus = to;
        DataJson = data is null ? null : JsonSerializer.Serialize(data, Json.Options);
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public ActorRole Role { get; private set; }
    public string Type { get; private set; } = "";
    public CaseStatus? FromStatus { get; private set; }
    public CaseStatus? ToStatus { get; private set; }
    public string? DataJson { get; private set; }
}
