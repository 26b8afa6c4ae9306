using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Cases.Automation;

/// <summary>
/// The background worker. Nothing is kept in memory: after a crash or kill -9 the due rows are still in the
/// table, and the first pass after start catches up on everything that came due while the service was down.
/// </summary>
internal sealed class TimerWorker(DueStepRunner runner, IOptions<TimerOptions> options, ILogger<TimerWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ran = await runner.RunDueAsync(stoppingToken);
                if (ran > 0) log.LogInformation("Ran {Count} automatic steps", ran);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Timer worker pass failed; retrying");
            }
            try
            {
                // Real time between polls, whatever clock the steps are judged by (the test clock included).
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
