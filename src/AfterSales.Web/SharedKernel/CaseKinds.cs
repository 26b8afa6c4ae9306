using System.Text.Json.Serialization;

namespace AfterSales.Web.SharedKernel;

// The kinds and reasons of an after-sales request are the vocabulary every module speaks (eligibility judges them,
// routing and SLA targets are keyed by them, reports group by them): they live below all modules.

[JsonConverter(typeof(JsonStringEnumConverter<CaseType>)), StoredByWireName(32)]
public enum CaseType
{
    [JsonStringEnumMemberName("refund_only")] RefundOnly,
    [JsonStringEnumMemberName("return_refund")] ReturnRefund,
    [JsonStringEnumMemberName("exchange")] Exchange,
    [JsonStringEnumMemberName("repair")] Repair,
    [JsonStringEnumMemberName("complaint")] Complaint,
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseReason>)), StoredByWireName(32)]
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
