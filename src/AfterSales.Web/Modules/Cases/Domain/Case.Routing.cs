namespace AfterSales.Web.Modules.Cases.Domain;

public sealed partial class Case
{
    /// <summary>Set by every change in this unit of work (a request, a timer step), so routing knows whether it rides on one.</summary>
    private bool _changedInThisUnit;

    /// <summary>The routing queue that holds the case (DOMAIN.md §6); null until a queue matches it.</summary>
    public string? Queue { get; private set; }

    /// <summary>Needs platform staff and has none: an opened complaint, or a case the platform must rule on (平台介入).</summary>
    public bool AwaitsStaff => Assignee is null && (Status == CaseStatus.PlatformReview
        || (Type == CaseType.Complaint && Status == CaseStatus.Opened));

    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Cancelled);

    /// <summary>
    /// The router places the case in a queue and, when it chose one, gives it an agent, as the system actor. An
    /// assignment moves an opened complaint to assigned, as the <c>assign</c> action does. Routing that rides on
    /// another change (opening, an appeal) is part of that change's version; routing on its own (an agent became
    /// free, an escalation reassigns) is a change of its own and bumps the version once, so a stale If-Match fails.
    /// </summary>
    public void Route(string queueId, string? agentId, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new DomainException("case.transition_not_allowed", null, new Dictionary<string, object?>
            {
                ["action"] = "route", ["caseStatus"] = Wire.Name(Status), ["caseType"] = Wire.Name(Type),
            });
        var ridesOnAChange = _changedInThisUnit;
        var version = Version;
        if (queueId != Queue)
        {
            var previous = Queue;
            Queue = queueId;
            Append(Actor.System, now, "queued", null, new() { ["queue"] = queueId, ["previous"] = previous });
        }
        if (agentId is not null) AssignBySystem(agentId, "routing", now);
        if (Version != version) Version = ridesOnAChange ? version : version + 1;
    }
}
