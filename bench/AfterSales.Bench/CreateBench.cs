using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// Benchmark a (and c): <c>POST /api/v1/cases</c> by N concurrent clients for a fixed time, each request on an order
/// of its own with a fresh Idempotency-Key, on top of a database that already holds cases; beside the raw one-row
/// transaction rate of the same database, measured before and after in the same run; and the service's peak RSS.
/// </summary>
public static class CreateBench
{

    public static async Task<int> RunAsync(BenchOptions o)
    {
        Console.WriteLine(F($"== create: {o.Provider}, {o.Clients} clients for {o.Seconds:0} s, on {o.Cases:N0} cases + {o.FreeOrders:N0} orders without a case"));
        var db = await BenchDatabase.CreateAsync(o, "bench_create");
        try
        {
            if (!db.Existed) await db.SeedAsync(o.Cases, o.Cases, o.OpenShare, "SO");
            // Orders of this run's own, without cases: each create takes the next one (a re-used database has used earlier ones).
            var prefix = F($"F{DateTime.UtcNow:MMddHHmmss}");
            await db.SeedAsync(o.FreeOrders, 0, o.OpenShare, prefix);
            var rawBefore = await RawInsert.RatePerSecondAsync(db, o.RawSeconds);
            using var http = Http.Client(o.Clients);
            double rate, peak, idle, cpuPerCreate, clientPerCreate;
            Stats latency;
            int errors;
            await using (var service = await ServiceProcess.StartAsync(o, db, http))
            {
                idle = service.Memory().PeakMiB;
                var next = -1L;
                // Warm-up until the JIT has tiered up the hot paths: dynamic PGO runs instrumented code and re-compiles
                // for the first tens of seconds. After 15 s the rate was half the steady one; after 60 s it matches a
                // service with PGO off (bench/measurements/ab-pgo-warmup.txt).
                var (warmRate, _, _) = await LoadAsync(http, service.BaseAddress, o.Clients, TimeSpan.FromSeconds(o.WarmupSeconds), int.MaxValue,
                    () => prefix + Interlocked.Increment(ref next).ToString("D9", CultureInfo.InvariantCulture));
                Console.WriteLine(F($"  warm-up: {o.WarmupSeconds:0} s at {warmRate:N0} creates/s"));
                var cpu0 = service.CpuTime();
                var client0 = Process.GetCurrentProcess().TotalProcessorTime;
                (rate, latency, errors) = await LoadAsync(http, service.BaseAddress, o.Clients, TimeSpan.FromSeconds(o.Seconds), int.MaxValue,
                    () => Interlocked.Increment(ref next) is var n && n < o.FreeOrders ? prefix + n.ToString("D9", CultureInfo.InvariantCulture) : null);
                peak = service.Memory().PeakMiB;
                cpuPerCreate = (service.CpuTime() - cpu0).TotalMilliseconds / Math.Max(1, latency.Count);
                clientPerCreate = (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalMilliseconds / Math.Max(1, latency.Count);
            }
            var rawAfter = await RawInsert.RatePerSecondAsync(db, o.RawSeconds);
            var raw = (rawBefore + rawAfter) / 2;
            var share = rate / raw;
            Console.WriteLine(F($"RESULT create[{db.Provider}]: {rate:N0} creates/s ({latency.Summary()}), errors {errors}"));
            Console.WriteLine(F($"RESULT create[{db.Provider}]: baseline raw one-row INSERT+COMMIT {raw:N0} rows/s (before {rawBefore:N0}, after {rawAfter:N0}); creates/raw = {share:P1} (goal >= 10 %: {(share >= 0.10 ? "MET" : "MISSED")})"));
            Console.WriteLine(F($"RESULT create[{db.Provider}]: service CPU {cpuPerCreate:0.00} ms per create (user+system; {Environment.ProcessorCount * 1000 / cpuPerCreate:N0} creates/s would fill all {Environment.ProcessorCount} cores); raw insert: at most {1000 / raw:0.000} ms per row; the load generator itself {clientPerCreate:0.00} ms per create"));
            Console.WriteLine(F($"RESULT rss[{db.Provider}]: peak VmHWM {peak:0} MiB during the create run; baseline VmHWM after start-up {idle:0} MiB; ratio {peak / idle:0.00}x (goal <= 300 MB: {(peak * 1.048576 <= 300 ? "MET" : "MISSED")})"));
            return 0;
        }
        finally
        {
            await db.DropAsync();
        }
    }

    /// <summary>Clients post until the time is up, the count is reached or the orders run out; latency per request.</summary>
    private static async Task<(double Rate, Stats Latency, int Errors)> LoadAsync(HttpClient http, Uri baseAddress, int clients,
        TimeSpan duration, int count, Func<string?> nextOrder)
    {
        var uri = new Uri(baseAddress, "/api/v1/cases");
        var samples = new ConcurrentBag<double>();
        var errors = 0;
        var started = 0;
        var clock = Stopwatch.StartNew();
        async Task Client()
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) <= count)
            {
                if (nextOrder() is not { } orderNo) break;
                var body = F($$"""{"orderNo":"{{orderNo}}","type":"return_refund","reason":"quality_issue","lines":[{"lineNo":1,"quantity":1}],"description":"bench"}""");
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created && Interlocked.Increment(ref errors) <= 3)
                    Console.WriteLine(F($"  unexpected {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}"));
            }
            foreach (var s in mine) samples.Add(s);
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var ok = samples.Count - errors;
        return (ok / elapsed, new Stats(samples), errors);
    }
}
