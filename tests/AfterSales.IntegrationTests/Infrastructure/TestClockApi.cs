using System.Globalization;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>The test clock over HTTP: <c>GET /api/v1/test-clock</c> and <c>POST /api/v1/test-clock/advance</c>.</summary>
public static class TestClockApi
{
    public const string Route = "/api/v1/test-clock";

    public static async Task<DateTimeOffset> ClockNowAsync(this Api api)
    {
        var response = await api.GetAsync(Route);
        Assert.True(response.StatusCode == 200, response.ToString());
        return Instant(response.Json["now"]);
    }

    /// <summary>Moves the service's time forward; returns the number of automatic steps that ran.</summary>
    public static async Task<int> AdvanceAsync(this Api api, TimeSpan by)
    {
        var response = await api.TryAdvanceAsync(by);
        Assert.True(response.StatusCode == 200, $"advance {by}: {response}");
        return response.Json["stepsRun"]!.GetValue<int>();
    }

    public static Task<ApiResponse> TryAdvanceAsync(this Api api, TimeSpan by) =>
        api.PostAsync(Route + "/advance", new JsonObject { ["minutes"] = (int)by.TotalMinutes });

    /// <summary>An instant from the API, as a UTC <see cref="DateTimeOffset"/> (the offset on the wire does not matter).</summary>
    public static DateTimeOffset Instant(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime();
}
