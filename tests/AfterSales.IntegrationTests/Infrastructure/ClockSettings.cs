using System.Globalization;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>The documented settings of the test clock (API.md "Operations") and of the timer worker.</summary>
public static class ClockSettings
{
    /// <summary>
    /// Time moves only through <c>POST /api/v1/test-clock/advance</c>. The background worker is off unless asked
    /// for, so that every automatic step runs inside an advance and its <c>stepsRun</c> counts it.
    /// </summary>
    public static Dictionary<string, string?> Manual(DateTimeOffset? start = null, bool worker = false, int? batchSize = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AfterSales:Clock:Manual"] = "true",
            ["AfterSales:Timers:Enabled"] = worker ? "true" : "false",
            ["AfterSales:Timers:PollSeconds"] = "0.1",
            // Without an SLA policy, an advance runs only lifecycle steps, which is what these tests count; the SLA
            // tests save their own policy, so their targets are written in the test rather than taken from defaults.
            ["AfterSales:Sla:SeedDefaultPolicy"] = "false",
            ["AfterSales:Sla:PollSeconds"] = "0.1",
        };
        if (start is { } s) settings["AfterSales:Clock:Start"] = s.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        if (batchSize is { } b) settings["AfterSales:Timers:BatchSize"] = b.ToString(CultureInfo.InvariantCulture);
        return settings;
    }
}
