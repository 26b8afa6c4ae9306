using System.Text.Json.Serialization;

namespace AfterSales.Web.Modules.Cases.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CaseType>))]
public enum CaseType
{
    [JsonStringEnumMemberName("refund_only")] RefundOnly,
    [JsonStringEnumMemberName("return_refund")] ReturnRefund,
    [JsonStringEnumMemberName("exchange")] Exchange,
    [JsonStringEnumMemberName("repair")] Repair,
    [JsonStringEnumMemberName("complaint")] Complaint,
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseReason>))]
public enum CaseReason
{
    [JsonStringEnumMemberName("no_reason_7day")] NoReason7Day,
    [JsonStringEnumMemberName("quality_issue")] QualityIssue,
    [JsonStringEnumMemberName("not_as_described")] NotAsDescribed,
    [JsonStringEnumMemberName("wrong_item")] WrongItem,
    [JsonStringEnumMemberName("missing_parts")] MissingParts,
    [JsonStringEnumMemberName("damaged_in_transit")] DamagedInTransit,
    [JsonStringEnumMemberName("not_received")] NotReceived,
    [JsonStringEnumMemberName("other")] Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("awaiting_return")] AwaitingReturn,
    [JsonStringEnumMemberName("return_in_transit")] ReturnInTransit,
    [JsonStringEnumMemberName("return_received")] ReturnReceived,
    [JsonStringEnumMemberName("repairing")] Repairing,
    [JsonStringEnumMemberName("replacement_shipped")] ReplacementShipped,
    [JsonStringEnumMemberName("refunding")] Refunding,
    [JsonStringEnumMemberName("refunded")] Refunded,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("platform_review")] PlatformReview,
    [JsonStringEnumMemberName("opened")] Opened,
    [JsonStringEnumMemberName("assigned")] Assigned,
    [JsonStringEnumMemberName("responded")] Responded,
    [JsonStringEnumMemberName("resolved")] Resolved,
    [JsonStringEnumMemberName("closed")] Closed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>The actions of API.md, named as they appear in the route.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    [JsonStringEnumMemberName("agree")] Agree,
    [JsonStringEnumMemberName("refuse")] Refuse,
    [JsonStringEnumMemberName("ship-return")] ShipReturn,
    [JsonStringEnumMemberName("confirm-receipt")] ConfirmReceipt,
    [JsonStringEnumMemberName("inspect")] Inspect,
    [JsonStringEnumMemberName("diagnose")] Diagnose,
    [JsonStringEnumMemberName("refund")] Refund,
    [JsonStringEnumMemberName("ship-replacement")] ShipReplacement,
    [JsonStringEnumMemberName("confirm-replacement")] ConfirmReplacement,
    [JsonStringEnumMemberName("appeal")] Appeal,
    [JsonStringEnumMemberName("rule")] Rule,
    [JsonStringEnumMemberName("respond")] Respond,
    [JsonStringEnumMemberName("resolve")] Resolve,
    [JsonStringEnumMemberName("cancel")] Cancel,
    [JsonStringEnumMemberName("close")] Close,
    [JsonStringEnumMemberName("assign")] Assign,
    [JsonStringEnumMemberName("wait-on-consumer")] WaitOnConsumer,
    [JsonStringEnumMemberName("resume")] Resume,
    [JsonStringEnumMemberName("extend-deadline")] ExtendDeadline,
}

/// <summary>Who acts. <see cref="Platform"/> is the bootstrap integration key and the platform admin: every action.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>))]
public enum ActorRole
{
    [JsonStringEnumMemberName("consumer")] Consumer,
    [JsonStringEnumMemberName("merchant")] Merchant,
    [JsonStringEnumMemberName("agent")] Agent,
    [JsonStringEnumMemberName("supervisor")] Supervisor,
    [JsonStringEnumMemberName("platform")] Platform,
    [JsonStringEnumMemberName("system")] System,
}

public sealed record Actor(string Id, ActorRole Role)
{
    public static readonly Actor System = new("system", ActorRole.System);
}

[JsonConverter(typeof(JsonStringEnumConverter<RefundStatus>))]
public enum RefundStatus
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>Why a case is in platform review: it decides where a ruling for the consumer sends it.</summary>
public enum ReviewOrigin
{
    [JsonStringEnumMemberName("refusal")] Refusal,
    [JsonStringEnumMemberName("failed_inspection")] FailedInspection,
}

public sealed record CaseLine(int LineNo, int Quantity, decimal MaxRefund);
