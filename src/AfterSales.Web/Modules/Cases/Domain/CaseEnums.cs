using System.Text.Json.Serialization;

namespace AfterSales.Web.Modules.Cases.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>)), StoredByWireName(32)]
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

[JsonConverter(typeof(JsonStringEnumConverter<RefundStatus>)), StoredByWireName(16)]
public enum RefundStatus
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>Why a case is in platform review: it decides where a ruling for the consumer sends it.</summary>
[StoredByWireName(32)]
public enum ReviewOrigin
{
    [JsonStringEnumMemberName("refusal")] Refusal,
    [JsonStringEnumMemberName("failed_inspection")] FailedInspection,
}

public sealed record CaseLine(int LineNo, int Quantity, decimal MaxRefund);
