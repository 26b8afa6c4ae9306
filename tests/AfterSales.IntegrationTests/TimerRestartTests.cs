namespace AfterSales.IntegrationTests;

/// <summary>
/// Timers are rows, not memory (issue 3, scope 3): a service stopped before a step came due and started again
/// after it catches up on start with its own worker, with no HTTP advance.
/// </summary>
public abstract class TimerRestartTests(AfterSalesApp app) : FreshAppTests(app)
{
    [Fact]
    public async Task StepDueWhileTheServiceWasDown_RunsOnceAfterRestart_WithoutAnyAdvance()
    {
        var start = await Api.ClockNowAsync();
        string caseNo;
        await using (var before = App.StartNode(ClockSettings.Manual(start)))
        {
            var orderNo = await before.Api.CreateOrderAsync(now: start);
            var opened = await before.Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");
            caseNo = opened["caseNo"]!.GetValue<string>();
            var deadline = Assert.Single(opened["deadlines"]!.AsArray())!;
            Assert.Equal("auto_agree", deadline["step"]!.GetValue<string>());
            Assert.Equal(start.AddHours(48), TestClockApi.Instant(deadline["dueAt"]));
        }

        var restartedAt = start.AddHours(49);
        await using var after = App.StartNode(ClockSettings.Manual(restartedAt, worker: true));
        var caught = await Eventually.UntilAsync(() => after.Api.CaseAsync(caseNo),
            c => c["status"]!.GetValue<string>() == "awaiting_return", c => c.ToJsonString());

        var deadlineAfter = Assert.Single(caught["deadlines"]!.AsArray())!;
        Assert.Equal("auto_close_no_waybill", deadlineAfter["step"]!.GetValue<string>());
        Assert.Equal(restartedAt.AddDays(7), TestClockApi.Instant(deadlineAfter["dueAt"]));
        var agreed = Assert.Single(await after.Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
        Assert.Equal("system", agreed["actor"]!.GetValue<string>());
        Assert.Equal("system", agreed["role"]!.GetValue<string>());
        Assert.Equal(restartedAt, TestClockApi.Instant(agreed["at"]));
        Assert.Equal(restartedAt, await after.Api.ClockNowAsync());
    }
}

public sealed class TimerRestartTests_Sqlite() : TimerRestartTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class TimerRestartTests_Postgres() : TimerRestartTests(new PostgresApp { Settings = ClockSettings.Manual() });
