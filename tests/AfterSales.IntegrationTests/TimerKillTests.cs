using AfterSales.IntegrationTests.Crash;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Issue 3, scope 3: timers survive a kill -9. The service runs as a real process of its own, is killed with
/// SIGKILL after a case was opened (nothing gets to shut down), and a node started later catches up.
/// </summary>
public abstract class TimerKillTests(AfterSalesApp app) : FreshAppTests(app)
{
    [Fact]
    public async Task ServiceKilledWithSigkill_StepDueMeanwhile_RunsOnceAfterRestart()
    {
        var start = await Api.ClockNowAsync();
        string caseNo;
        await using (var service = await ServiceProcess.StartAsync(App, start, new Dictionary<string, string> { ["AfterSales__Timers__Enabled"] = "false" }))
        {
            var orderNo = await service.Api.CreateOrderAsync(now: start);
            var opened = await service.Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");
            caseNo = opened["caseNo"]!.GetValue<string>();
            await service.KillAsync(); // SIGKILL on Linux: no graceful shutdown
        }

        var restartedAt = start.AddHours(49);
        await using var after = App.StartNode(ClockSettings.Manual(restartedAt, worker: true));
        await Eventually.UntilAsync(() => after.Api.CaseAsync(caseNo),
            c => c["status"]!.GetValue<string>() == "awaiting_return", c => c.ToJsonString());
        Assert.Single(await after.Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
    }
}

public sealed class TimerKillTests_Sqlite() : TimerKillTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class TimerKillTests_Postgres() : TimerKillTests(new PostgresApp { Settings = ClockSettings.Manual() });
