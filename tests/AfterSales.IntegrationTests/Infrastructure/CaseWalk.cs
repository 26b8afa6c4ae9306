namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// Walks one case through its lifecycle over HTTP. At each state it checks that <c>GET …/actions</c> offers exactly
/// the expected actions, that every other action is refused with 409 <c>case.transition_not_allowed</c> and changes
/// nothing, and that the offered action taken next is accepted.
/// </summary>
public sealed class CaseWalk(Api api, string caseNo)
{
    public static readonly string[] AllActions =
    [
        "agree", "refuse", "ship-return", "confirm-receipt", "inspect", "diagnose", "refund", "ship-replacement",
        "confirm-replacement", "appeal", "rule", "respond", "resolve", "cancel", "close", "assign", "wait-on-consumer", "resume", "extend-deadline",
    ];

    public string CaseNo => caseNo;

    public async Task ExpectOffersAsync(params string[] expected)
    {
        var before = await api.CaseAsync(caseNo);
        var offered = (await api.ActionsAsync(caseNo)).Select(a => a["action"]!.GetValue<string>()).ToList();
        // The platform may stretch a pending automatic step, and only then: the offer follows the case's deadlines.
        var hasDeadline = before["deadlines"]!.AsArray().Count > 0;
        Assert.Equal(hasDeadline, offered.Contains("extend-deadline"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), offered.Where(a => a != "extend-deadline").Order(StringComparer.Ordinal));
        foreach (var action in AllActions.Except(offered))
        {
            var refused = await api.ActAsync(caseNo, action, Samples.EveryActionField());
            Problems.Assert(refused, 409, "case.transition_not_allowed");
        }
        var after = await api.CaseAsync(caseNo);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    /// <summary>Takes an offered action; returns the case after it, which must be in <paramref name="expectedStatus"/>.</summary>
    public async Task<JsonNode> StepAsync(string action, JsonNode? body, string expectedStatus)
    {
        var before = await api.CaseAsync(caseNo);
        var offered = (await api.ActionsAsync(caseNo)).Select(a => a["action"]!.GetValue<string>());
        Assert.Contains(action, offered);
        var response = await api.ActAsync(caseNo, action, body);
        Assert.True(response.StatusCode == 200, $"{action}: {response}");
        var after = response.Json;
        Assert.Equal(expectedStatus, after["status"]!.GetValue<string>());
        // One action may append several events (agree on refund_only also requests the refund): the version only has to rise.
        Assert.True(after["version"]!.GetValue<int>() > before["version"]!.GetValue<int>(), $"{action} did not raise the version");
        Assert.Equal($"\"{after["version"]}\"", response.ETag);
        return after;
    }

    /// <summary>The whole timeline, oldest first, as (type, fromStatus, toStatus); every event by the bootstrap key.</summary>
    public async Task ExpectTimelineAsync(params (string Type, string? From, string? To)[] expected)
    {
        var events = await api.TimelineAsync(caseNo);
        var actual = events.Select(e => (e["type"]!.GetValue<string>(), e["fromStatus"]?.GetValue<string>(), e["toStatus"]?.GetValue<string>())).ToList();
        Assert.Equal(expected.ToList(), actual);
        Assert.All(events, e =>
        {
            Assert.Equal("integration:bootstrap", e["actor"]!.GetValue<string>());
            Assert.Equal("platform", e["role"]!.GetValue<string>());
        });
    }

    public async Task<string> LastRefundIdAsync()
    {
        var refunds = (await api.CaseAsync(caseNo))["refunds"]!.AsArray();
        return refunds[^1]!["refundId"]!.GetValue<string>();
    }
}
