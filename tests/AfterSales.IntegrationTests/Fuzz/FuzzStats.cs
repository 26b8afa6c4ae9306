namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>What a run sent and got back, by status class and by operation, for the summary line and the coverage assertions.</summary>
public sealed class FuzzStats(IReadOnlyList<Operation> operations)
{
    private readonly Dictionary<string, int> _byClass = [];
    private readonly Dictionary<string, (int Sent, int Reached, int Succeeded)> _byOperation = operations.ToDictionary(o => o.Key, _ => (0, 0, 0));

    private readonly Dictionary<string, (TimeSpan Total, TimeSpan Max, string Seed)> _time = [];

    public int Sent { get; private set; }
    public int RateLimited { get; private set; }

    public void Add(FuzzRequest request, int status, TimeSpan took)
    {
        lock (_byClass)
        {
            var (total, max, seed) = _time.GetValueOrDefault(request.Operation.Key);
            _time[request.Operation.Key] = (total + took, took > max ? took : max, took > max ? request.Seed : seed);
            Sent++;
            if (status == 429) RateLimited++;
            var statusClass = status < 0 ? "unsent" : $"{status / 100}xx";
            _byClass[statusClass] = _byClass.GetValueOrDefault(statusClass) + 1;
            var (sent, reached, succeeded) = _byOperation[request.Operation.Key];
            // "Reached": got past authentication, authorization and the rate limiter to routing, binding or the handler.
            _byOperation[request.Operation.Key] = (sent + 1, reached + (status is > 0 and not (401 or 403 or 429) ? 1 : 0), succeeded + (status is >= 200 and < 300 ? 1 : 0));
        }
    }

    /// <summary>Where the time went: the operations that took longest in all, with their slowest request's seed.</summary>
    public string Slowest(int count = 5) => string.Join(", ", _time.OrderByDescending(t => t.Value.Total).Take(count)
        .Select(t => $"{t.Key} {t.Value.Total.TotalSeconds:F1} s (slowest {t.Value.Max.TotalMilliseconds:F0} ms, seed {t.Value.Seed})"));

    public IEnumerable<string> NeverReached => _byOperation.Where(o => o.Value.Reached == 0).Select(o => o.Key);

    public int Covered => _byOperation.Count(o => o.Value.Sent > 0);

    public string Summary(string engine, TimeSpan elapsed, FuzzSettings settings) =>
        $"fuzz {engine}: {Sent} requests in {elapsed.TotalSeconds:F0} s — "
        + string.Join(", ", _byClass.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))
        + $" (429: {RateLimited}); {Covered}/{_byOperation.Count} operations covered, {_byOperation.Count(o => o.Value.Succeeded > 0)} answered 2xx at least once; {settings}";
}
