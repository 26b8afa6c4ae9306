namespace AfterSales.IntegrationTests;

/// <summary>
/// The automatic steps of DOMAIN.md §3 driven over HTTP with the test clock (API.md "Operations"): each fires at
/// its due time and not a minute before, by the actor "system", once; a case that moved or was stretched fires at
/// its new time only; <c>deadlines</c> shows the pending step at every stage. Each test has its own service and
/// database (<see cref="FreshAppTests"/>), the worker is off, so every step runs inside an advance and is counted.
/// </summary>
public abstract class TestClockTests(AfterSalesApp app) : FreshAppTests(app)
{
    private static readonly JsonObject Waybill = new() { ["carrier"] = "SF", ["waybill"] = "SF3000000001" };
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private async Task<JsonNode> OpenAsync(string type, string reason, params (int LineNo, int Quantity)[] lines)
    {
        var orderNo = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        return await Api.OpenCaseAsync(orderNo, type, reason, lines: lines);
    }

    private static string CaseNo(JsonNode c) => c["caseNo"]!.GetValue<string>();

    private static string Status(JsonNode c) => c["status"]!.GetValue<string>();

    /// <summary>The case shows exactly this pending step, due at this instant.</summary>
    private static void AssertDeadline(JsonNode c, string step, DateTimeOffset due)
    {
        var deadline = Assert.Single(c["deadlines"]!.AsArray())!;
        Assert.Equal(step, deadline["step"]!.GetValue<string>());
        Assert.Equal(due, TestClockApi.Instant(deadline["dueAt"]));
    }

    private static void AssertNoDeadline(JsonNode c) => Assert.Empty(c["deadlines"]!.AsArray());

    /// <summary>Advances and expects exactly <paramref name="steps"/> automatic steps; returns the case after it.</summary>
    private async Task<JsonNode> AdvanceAsync(JsonNode c, TimeSpan by, int steps)
    {
        Assert.Equal(steps, await Api.AdvanceAsync(by));
        return await Api.CaseAsync(CaseNo(c));
    }

    /// <summary>The events the system wrote, as (type, from, to, at); each in role "system".</summary>
    private async Task<List<(string Type, string? From, string? To, DateTimeOffset At)>> SystemEventsAsync(string caseNo)
    {
        var events = (await Api.TimelineAsync(caseNo)).Where(e => e["actor"]!.GetValue<string>() == "system").ToList();
        Assert.All(events, e => Assert.Equal("system", e["role"]!.GetValue<string>()));
        return [.. events.Select(e => (e["type"]!.GetValue<string>(), e["fromStatus"]?.GetValue<string>(), e["toStatus"]?.GetValue<string>(),
            TestClockApi.Instant(e["at"])))];
    }

    [Fact]
    public async Task ReturnRefund_WithEveryPartySilent_RunsEveryAutomaticStepUntilClosed()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        var created = TestClockApi.Instant(opened["createdAt"]);
        AssertDeadline(opened, "auto_agree", created.AddHours(48));

        var silent = await AdvanceAsync(opened, TimeSpan.FromHours(48) - Minute, steps: 0);
        Assert.Equal(opened.ToJsonString(), silent.ToJsonString());

        var agreed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("awaiting_return", Status(agreed));
        Assert.Equal(Samples.PhonePaid, agreed["amounts"]!["approved"]!.GetValue<decimal>());
        var agreedAt = created.AddHours(48);
        AssertDeadline(agreed, "auto_close_no_waybill", agreedAt.AddDays(7));
        Assert.Equal([("agreed", "requested", "awaiting_return", agreedAt)], await SystemEventsAsync(CaseNo(opened)));

        var shipped = await Api.DoAsync(CaseNo(opened), "ship-return", Waybill.DeepClone());
        Assert.Equal("return_in_transit", Status(shipped));
        AssertDeadline(shipped, "auto_refund", agreedAt.AddDays(10));

        Assert.Equal("return_in_transit", Status(await AdvanceAsync(opened, TimeSpan.FromDays(10) - Minute, steps: 0)));
        var refunding = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("refunding", Status(refunding));
        AssertNoDeadline(refunding);
        var refund = Assert.Single(refunding["refunds"]!.AsArray())!;
        Assert.Equal("requested", refund["status"]!.GetValue<string>());
        Assert.Equal(Samples.PhonePaid, refund["amount"]!.GetValue<decimal>());

        var result = await Api.RefundResultAsync(refund["refundId"]!.GetValue<string>(), "succeeded", "PAY-CLOCK-1");
        Assert.True(result.StatusCode == 200, result.ToString());
        var refunded = await Api.CaseAsync(CaseNo(opened));
        Assert.Equal("refunded", Status(refunded));
        var refundedAt = agreedAt.AddDays(10);
        AssertDeadline(refunded, "auto_close_finished", refundedAt.AddDays(7));

        Assert.Equal("refunded", Status(await AdvanceAsync(opened, TimeSpan.FromDays(7) - Minute, steps: 0)));
        var closed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("closed", Status(closed));
        AssertNoDeadline(closed);
        Assert.Equal(Samples.PhonePaid, closed["amounts"]!["refunded"]!.GetValue<decimal>());
        Assert.Single(closed["refunds"]!.AsArray());

        Assert.Equal(
            [
                ("agreed", "requested", "awaiting_return", agreedAt),
                ("auto_confirm_receipt", "return_in_transit", "return_received", refundedAt),
                ("auto_refund", "return_received", "refunding", refundedAt),
                ("refund_requested", null, null, refundedAt),
                ("auto_close_finished", "refunded", "closed", refundedAt.AddDays(7)),
            ],
            await SystemEventsAsync(CaseNo(opened)));
        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromDays(30)));
    }

    [Fact]
    public async Task RefundOnly_MerchantSilentFor48Hours_IsAgreedAndOneRefundRequested()
    {
        var opened = await OpenAsync("refund_only", "not_received", (2, 2));
        var refunding = await AdvanceAsync(opened, TimeSpan.FromHours(48), steps: 1);
        Assert.Equal("refunding", Status(refunding));
        AssertNoDeadline(refunding);
        var refund = Assert.Single(refunding["refunds"]!.AsArray())!;
        Assert.Equal(Samples.CasesPaid, refund["amount"]!.GetValue<decimal>());
        Assert.Equal(0, await Api.AdvanceAsync(TimeSpan.FromDays(30)));
        Assert.Single((await Api.CaseAsync(CaseNo(opened)))["refunds"]!.AsArray());
    }

    [Fact]
    public async Task Agreed_NoWaybillFor7Days_IsClosed()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        var agreed = await Api.DoAsync(CaseNo(opened), "agree");
        var agreedAt = TestClockApi.Instant(agreed["updatedAt"]);
        AssertDeadline(agreed, "auto_close_no_waybill", agreedAt.AddDays(7));

        Assert.Equal("awaiting_return", Status(await AdvanceAsync(opened, TimeSpan.FromDays(7) - Minute, steps: 0)));
        var closed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("closed", Status(closed));
        AssertNoDeadline(closed);
        Assert.Equal([("auto_close_no_waybill", "awaiting_return", "closed", agreedAt.AddDays(7))], await SystemEventsAsync(CaseNo(opened)));
    }

    [Fact]
    public async Task Refused_NoAppealFor7Days_IsClosed()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        var refused = await Api.DoAsync(CaseNo(opened), "refuse", new JsonObject { ["reason"] = "used" });
        var refusedAt = TestClockApi.Instant(refused["updatedAt"]);
        AssertDeadline(refused, "auto_close_no_appeal", refusedAt.AddDays(7));

        Assert.Equal("refused", Status(await AdvanceAsync(opened, TimeSpan.FromDays(7) - Minute, steps: 0)));
        var closed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("closed", Status(closed));
        AssertNoDeadline(closed);
        Assert.Equal([("auto_close_no_appeal", "refused", "closed", refusedAt.AddDays(7))], await SystemEventsAsync(CaseNo(opened)));
    }

    [Fact]
    public async Task Refused_ThenAppealedInTime_IsNotClosedByTheAppealWindow()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        await Api.DoAsync(CaseNo(opened), "refuse", new JsonObject { ["reason"] = "used" });
        await AdvanceAsync(opened, TimeSpan.FromDays(6), steps: 0);
        var appealed = await Api.DoAsync(CaseNo(opened), "appeal", new JsonObject { ["reason"] = "it was sealed" });
        Assert.Equal("platform_review", Status(appealed));
        AssertNoDeadline(appealed);

        var later = await AdvanceAsync(opened, TimeSpan.FromDays(30), steps: 0);
        Assert.Equal(appealed.ToJsonString(), later.ToJsonString());
        Assert.Empty(await SystemEventsAsync(CaseNo(opened)));
    }

    [Fact]
    public async Task Exchange_WithEveryPartySilent_IsReceivedAndConfirmedAutomatically()
    {
        var opened = await OpenAsync("exchange", "quality_issue");
        var created = TestClockApi.Instant(opened["createdAt"]);
        var agreed = await AdvanceAsync(opened, TimeSpan.FromHours(48), steps: 1);
        Assert.Equal("awaiting_return", Status(agreed));

        var shipped = await Api.DoAsync(CaseNo(opened), "ship-return", Waybill.DeepClone());
        var shippedAt = TestClockApi.Instant(shipped["updatedAt"]);
        AssertDeadline(shipped, "auto_confirm_receipt", shippedAt.AddDays(10));
        var received = await AdvanceAsync(opened, TimeSpan.FromDays(10), steps: 1);
        Assert.Equal("return_received", Status(received));
        AssertNoDeadline(received);

        var replaced = await Api.DoAsync(CaseNo(opened), "ship-replacement", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF3000000002" });
        Assert.Equal("replacement_shipped", Status(replaced));
        var replacedAt = TestClockApi.Instant(replaced["updatedAt"]);
        AssertDeadline(replaced, "auto_confirm_replacement", replacedAt.AddDays(10));
        Assert.Equal("replacement_shipped", Status(await AdvanceAsync(opened, TimeSpan.FromDays(10) - Minute, steps: 0)));
        var closed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("closed", Status(closed));
        AssertNoDeadline(closed);

        Assert.Equal(
            [
                ("agreed", "requested", "awaiting_return", created.AddHours(48)),
                ("auto_confirm_receipt", "return_in_transit", "return_received", shippedAt.AddDays(10)),
                ("auto_confirm_replacement", "replacement_shipped", "closed", replacedAt.AddDays(10)),
            ],
            await SystemEventsAsync(CaseNo(opened)));
    }

    [Fact]
    public async Task AgreedBeforeTheMerchantsDeadline_CancelsTheAutoAgree()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        await AdvanceAsync(opened, TimeSpan.FromHours(24), steps: 0);
        var agreed = await Api.DoAsync(CaseNo(opened), "agree");
        AssertDeadline(agreed, "auto_close_no_waybill", TestClockApi.Instant(agreed["updatedAt"]).AddDays(7));

        var later = await AdvanceAsync(opened, TimeSpan.FromHours(25), steps: 0);
        Assert.Equal(agreed.ToJsonString(), later.ToJsonString());
        Assert.Empty(await SystemEventsAsync(CaseNo(opened)));
        Assert.Single(await Api.TimelineAsync(CaseNo(opened)), e => e["type"]!.GetValue<string>() == "agreed");
    }

    [Fact]
    public async Task MerchantAgreeingWhileTheAutoAgreeRuns_EachCaseIsAgreedOnce()
    {
        const int count = 10;
        var cases = new List<string>();
        for (var i = 0; i < count; i++) cases.Add(CaseNo(await OpenAsync("return_refund", "no_reason_7day")));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var advance = Task.Run(async () => { await gate.Task; return await Api.AdvanceAsync(TimeSpan.FromHours(48)); });
        var agrees = cases.Select(c => Task.Run(async () => { await gate.Task; return await Api.ActAsync(c, "agree"); })).ToList();
        gate.SetResult();
        var stepsRun = await advance;
        var answers = await Task.WhenAll(agrees);

        Assert.All(answers, a => Assert.True(a.StatusCode is 200 or 409, a.ToString()));
        Assert.Equal(count, stepsRun + answers.Count(a => a.StatusCode == 200));
        foreach (var caseNo in cases)
        {
            Assert.Equal("awaiting_return", Status(await Api.CaseAsync(caseNo)));
            Assert.Single(await Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
        }
    }

    [Fact]
    public async Task CaseAssignedWhileItsAutoAgreeRuns_IsStillAgreedInThatAdvance()
    {
        const int count = 10;
        var cases = new List<string>();
        for (var i = 0; i < count; i++) cases.Add(CaseNo(await OpenAsync("return_refund", "no_reason_7day")));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var advance = Task.Run(async () => { await gate.Task; return await Api.AdvanceAsync(TimeSpan.FromHours(48)); });
        var assigns = cases.Select(c => Task.Run(async () =>
        {
            await gate.Task;
            return await Api.ActAsync(c, "assign", new JsonObject { ["agentId"] = "agent-7" });
        })).ToList();
        gate.SetResult();
        var stepsRun = await advance;
        var answers = await Task.WhenAll(assigns);

        Assert.All(answers, a => Assert.True(a.StatusCode == 200, a.ToString()));
        Assert.Equal(count, stepsRun);
        foreach (var caseNo in cases)
        {
            var c = await Api.CaseAsync(caseNo);
            Assert.Equal("awaiting_return", Status(c));
            Assert.Equal("agent-7", c["assignee"]!.GetValue<string>());
            Assert.Single(await Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
        }
    }

    [Fact]
    public async Task CancelledCase_HasNoPendingStep_AndNothingFiresLater()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        var cancelled = await Api.DoAsync(CaseNo(opened), "cancel");
        Assert.Equal("cancelled", Status(cancelled));
        AssertNoDeadline(cancelled);
        var later = await AdvanceAsync(opened, TimeSpan.FromDays(60), steps: 0);
        Assert.Equal(cancelled.ToJsonString(), later.ToJsonString());
    }

    [Fact]
    public async Task ExtendDeadline_MovesTheDueTime_AndTheStepFiresAtTheNewTimeOnly()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        var created = TestClockApi.Instant(opened["createdAt"]);
        var extended = await Api.DoAsync(CaseNo(opened), "extend-deadline", new JsonObject { ["hours"] = 24 });
        Assert.Equal("requested", Status(extended));
        AssertDeadline(extended, "auto_agree", created.AddHours(72));
        var stretch = (await Api.TimelineAsync(CaseNo(opened))).Single(e => e["type"]!.GetValue<string>() == "deadline_extended");
        Assert.Equal("auto_agree", stretch["data"]!["step"]!.GetValue<string>());
        Assert.Equal(created.AddHours(48), TestClockApi.Instant(stretch["data"]!["from"]));
        Assert.Equal(created.AddHours(72), TestClockApi.Instant(stretch["data"]!["to"]));

        var pastOldDue = await AdvanceAsync(opened, TimeSpan.FromHours(48), steps: 0);
        Assert.Equal(extended.ToJsonString(), pastOldDue.ToJsonString());
        Assert.Equal("requested", Status(await AdvanceAsync(opened, TimeSpan.FromHours(24) - Minute, steps: 0)));
        var agreed = await AdvanceAsync(opened, Minute, steps: 1);
        Assert.Equal("awaiting_return", Status(agreed));
        Assert.Equal([("agreed", "requested", "awaiting_return", created.AddHours(72))], await SystemEventsAsync(CaseNo(opened)));
        AssertDeadline(agreed, "auto_close_no_waybill", created.AddHours(72).AddDays(7));
    }

    [Fact]
    public async Task ExtendDeadline_WithoutAPendingStep_Is409()
    {
        var opened = await OpenAsync("return_refund", "no_reason_7day");
        await Api.DoAsync(CaseNo(opened), "cancel");
        var refused = await Api.ActAsync(CaseNo(opened), "extend-deadline", new JsonObject { ["hours"] = 24 });
        Problems.Assert(refused, 409, "case.transition_not_allowed");
    }

    [Fact]
    public async Task TestClock_TellsTheTime_AndAdvancesByWholeMinutes()
    {
        var start = await Api.ClockNowAsync();
        Assert.Equal(start, await Api.ClockNowAsync());
        var response = await Api.TryAdvanceAsync(TimeSpan.FromMinutes(90));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(start.AddMinutes(90), TestClockApi.Instant(response.Json["now"]));
        Assert.Equal(start.AddMinutes(90), await Api.ClockNowAsync());
    }

    [Theory]
    [InlineData("""{"minutes":-1}""")]
    [InlineData("""{}""")]
    [InlineData("""{"minutes":600000}""")]
    public async Task TestClock_BadAdvance_Is400AndDoesNotMove(string body)
    {
        var start = await Api.ClockNowAsync();
        var response = await Api.SendRawAsync(HttpMethod.Post, TestClockApi.Route + "/advance", body);
        Problems.AssertFields(response, "validation.failed", "minutes");
        Assert.Equal(start, await Api.ClockNowAsync());
    }
}

public sealed class TestClockTests_Sqlite() : TestClockTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class TestClockTests_Postgres() : TestClockTests(new PostgresApp { Settings = ClockSettings.Manual() });
