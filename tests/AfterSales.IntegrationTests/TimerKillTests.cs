using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

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
        var port = FreePort();
        var web = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["AfterSales__Database__Provider"] = App.Engine;
        info.Environment["ConnectionStrings__AfterSales"] = App.ConnectionString;
        info.Environment["AfterSales__Integration__ApiKey"] = AfterSalesApp.ApiKey;
        info.Environment["AfterSales__Demo__Seed"] = "false";
        info.Environment["AfterSales__Clock__Manual"] = "true";
        info.Environment["AfterSales__Clock__Start"] = start.ToString("O", CultureInfo.InvariantCulture);
        info.Environment["AfterSales__Timers__Enabled"] = "false";
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string caseNo;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AfterSalesApp.ApiKey);
            await Eventually.UntilAsync(() => Ready(http), ok => ok, ok => $"ready: {ok}", TimeSpan.FromSeconds(60));
            var api = new Api(http);
            var orderNo = await api.CreateOrderAsync(now: start);
            var opened = await api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");
            caseNo = opened["caseNo"]!.GetValue<string>();
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no graceful shutdown
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var restartedAt = start.AddHours(49);
        await using var after = App.StartNode(ClockSettings.Manual(restartedAt, worker: true));
        await Eventually.UntilAsync(() => after.Api.CaseAsync(caseNo),
            c => c["status"]!.GetValue<string>() == "awaiting_return", c => c.ToJsonString());
        Assert.Single(await after.Api.TimelineAsync(caseNo), e => e["type"]!.GetValue<string>() == "agreed");
    }

    private static async Task<bool> Ready(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

public sealed class TimerKillTests_Sqlite() : TimerKillTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class TimerKillTests_Postgres() : TimerKillTests(new PostgresApp { Settings = ClockSettings.Manual() });
