namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>Fires many requests at once: all wait on one gate, then go together.</summary>
public static class Burst
{
    public static async Task<ApiResponse[]> RunAsync(int count, Func<int, Task<ApiResponse>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await send(i);
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Exactly one request won; every other lost with a conflict (409) or a stale version (412), never a 5xx or 422.</summary>
    public static ApiResponse AssertOneWinner(ApiResponse[] responses)
    {
        var outcomes = string.Join(", ", responses.GroupBy(r => $"{r.StatusCode} {r.Code}").Select(g => $"{g.Count()}× {g.Key}"));
        var winners = responses.Where(r => r.StatusCode == 200).ToList();
        Assert.True(winners.Count == 1, $"expected one winner, got: {outcomes}");
        var wrong = responses.Where(r => r.StatusCode != 200 && (r.StatusCode is not (409 or 412) || r.MediaType != "application/problem+json"));
        Assert.False(wrong.Any(), $"losers must answer 409 or 412 problems, got: {outcomes}");
        return winners[0];
    }
}
