using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;

namespace AfterSales.UnitTests.Cases;

/// <summary>An offered step with a missing or unknown field is rejected field by field and changes nothing.</summary>
public sealed class InputValidationTests
{
    public static TheoryData<CaseType, CaseStatus, string, string> MissingFields() => new()
    {
        { CaseType.ReturnRefund, CaseStatus.Requested, "refuse", "reason" },
        { CaseType.ReturnRefund, CaseStatus.AwaitingReturn, "ship-return without carrier", "carrier" },
        { CaseType.ReturnRefund, CaseStatus.AwaitingReturn, "ship-return without waybill", "waybill" },
        { CaseType.Exchange, CaseStatus.ReturnReceived, "ship-replacement without waybill", "waybill" },
        { CaseType.Repair, CaseStatus.ReturnReceived, "diagnose as something else", "outcome" },
        { CaseType.ReturnRefund, CaseStatus.Refused, "appeal", "reason" },
        { CaseType.Complaint, CaseStatus.Assigned, "respond", "notes" },
        { CaseType.Complaint, CaseStatus.Responded, "resolve", "notes" },
        { CaseType.Complaint, CaseStatus.Opened, "assign", "agentId" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void OfferedStep_WithAMissingOrUnknownField_IsRejectedAndChangesNothing(CaseType type, CaseStatus status, string input, string field)
    {
        var c = CaseBuilder.InStatus(type, status);
        var before = CaseSnapshot.Of(c);
        var (actor, at) = (Actors.Platform, CaseBuilder.NextTime(c));
        Action act = input switch
        {
            "refuse" => () => c.Refuse(" ", actor, at),
            "ship-return without carrier" => () => c.ShipReturn("", "SF1", actor, at),
            "ship-return without waybill" => () => c.ShipReturn("SF Express", "", actor, at),
            "ship-replacement without waybill" => () => c.ShipReplacement("SF Express", " ", actor, at),
            "diagnose as something else" => () => c.Diagnose("ignore", null, actor, at),
            "appeal" => () => c.Appeal("", actor, at),
            "respond" => () => c.Respond("", actor, at),
            "resolve" => () => c.Resolve(" ", actor, at),
            "assign" => () => c.Assign("", actor, at),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };

        var error = Assert.Throws<ValidationFailedException>(act);

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(before, CaseSnapshot.Of(c));
        Assert.Empty(c.DequeueOutbox());
    }
}
