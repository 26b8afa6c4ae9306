namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for something a background worker does. The bound is generous, for a slow shared machine: it says
/// "this never happened", not how fast it happened.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T, string> describe, TimeSpan? bound = null)
    {
        var limit = bound ?? Bound;
        var until = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            Assert.True(DateTimeOffset.UtcNow < until, $"not reached within {limit}: {describe(value)}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
