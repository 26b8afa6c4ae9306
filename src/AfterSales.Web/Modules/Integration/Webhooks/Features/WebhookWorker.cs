using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Integration.Contracts;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>
/// Polls on real time; whether a delivery is due is judged by the service clock (the test clock included). All
/// state is in the database, so a restarted node picks up where any node left off.
/// </summary>
internal sealed class WebhookWorker(WebhookFanOut fanOut, WebhookSender sender, IOptions<WebhookOptions> options, ILogger<WebhookWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await fanOut.RunAsync(stoppingToken);
                await sender.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Webhook worker pass failed; retrying");
            }
            await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
