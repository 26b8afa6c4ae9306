using System.Diagnostics;
using System.Net;
using System.Text.Json;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// Benchmark b: the open queue's first page, <c>GET /api/v1/cases?status=requested&amp;limit=50</c>, on a database of
/// <see cref="BenchOptions.Cases"/> cases of which <see cref="BenchOptions.OpenShare"/> are open. One client, requests
/// in sequence, each queue request followed by a <c>GET /health/live</c>: the baseline is the cost of an HTTP round
/// trip to this process on this machine at that moment, so noise from other work lands on both.
/// </summary>
public static class QueueBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        Console.WriteLine(F($"== queue: {o.Provider}, {o.Cases:N0} cases ({o.OpenShare:P0} open), {o.Requests:N0} requests of each kind"));
        var db = await BenchDatabase.CreateAsync(o, "bench_queue");
        try
        {
            if (!db.Existed) await db.SeedAsync(o.Orders, o.Cases, o.OpenShare, "SO");
            var total = await db.CountAsync("SELECT COUNT(*) FROM cases");
            var open = await db.CountAsync("SELECT COUNT(*) FROM cases WHERE \"Status\" = 'requested'");
            Console.WriteLine(F($"  database: {total:N0} cases, {open:N0} requested"));
            using var http = Http.Client(1);
            await using var service = await ServiceProcess.StartAsync(o, db, http);
            var queue = new Uri(service.BaseAddress, "/api/v1/cases?status=requested&limit=50");
            var live = new Uri(service.BaseAddress, "/health/live");
            var first = await GetAsync(http, queue);
            Console.WriteLine(F($"  first (cold) queue request: {first:0.0} ms"));
            for (var i = 0; i < o.Warmup; i++)
            {
                await GetAsync(http, queue);
                await GetAsync(http, live);
            }
            var queueMs = new List<double>(o.Requests);
            var liveMs = new List<double>(o.Requests);
            for (var i = 0; i < o.Requests; i++)
            {
                queueMs.Add(await GetAsync(http, queue, check: i == 0));
                liveMs.Add(await GetAsync(http, live));
            }
            var q = new Stats(queueMs);
            var l = new Stats(liveMs);
            var p99 = q.Percentile(99);
            Console.WriteLine(F($"RESULT queue[{db.Provider}]: GET /api/v1/cases?status=requested&limit=50: {q.Summary()} (goal p99 <= 50 ms: {(p99 <= 50 ? "MET" : "MISSED")})"));
            Console.WriteLine(F($"RESULT queue[{db.Provider}]: baseline GET /health/live: {l.Summary()}; p99 ratio {p99 / l.Percentile(99):0.0}x, p50 ratio {q.Percentile(50) / l.Percentile(50):0.0}x"));
            var (peak, now) = service.Memory();
            Console.WriteLine(F($"RESULT rss[{db.Provider}]: queue run peak VmHWM {peak:0} MiB, VmRSS now {now:0} MiB"));
            return 0;
        }
        finally
        {
            await db.DropAsync();
        }
    }

    private static async Task<double> GetAsync(HttpClient http, Uri uri, bool check = false)
    {
        var t0 = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{uri}: {(int)response.StatusCode} {body}");
        if (check)
        {
            // The figure counts only if the page is the real one: 50 open cases, newest first, with a cursor on.
            using var doc = JsonDocument.Parse(body);
            var items = doc.RootElement.GetProperty("items");
            if (items.GetArrayLength() != 50 || items.EnumerateArray().Any(i => i.GetProperty("status").GetString() != "requested")
                || doc.RootElement.GetProperty("nextCursor").ValueKind != JsonValueKind.String)
                throw new InvalidOperationException("the queue page is not 50 requested cases with a next cursor: " + body[..Math.Min(400, body.Length)]);
        }
        return ms;
    }
}
