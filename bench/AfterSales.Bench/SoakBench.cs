using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// Issue 13's soak: the Release service on a fresh database of its own, mixed traffic (<see cref="SoakTraffic"/>) at a
/// steady rate for N minutes, sampled every few seconds — the service's RSS and CPU from /proc, requests, errors and
/// latency per window. It answers three questions: no errors at all, p99 the same at the end as at the start, memory
/// flat. The baseline is the run's own beginning (the first 5 minutes, the RSS at minute 2), so noise from other work
/// on the shared machine lands on both sides alike. Exit code 1 when any request failed.
/// </summary>
public static partial class SoakBench
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private readonly record struct Tick(double At, int Requests, double RssMiB, double PeakMiB, TimeSpan Cpu, int Threads, long Cases);

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var duration = TimeSpan.FromMinutes(o.Minutes);
        Console.WriteLine(F($"== soak: {o.Provider}, {o.Minutes:0.##} min at {o.Rate:0} requests/s by {o.Clients} clients, sampled every {o.SampleSeconds:0} s"));
        var db = await BenchDatabase.CreateAsync(o, "bench_soak");
        try
        {
            using var http = Http.Client(o.Clients + 2);
            // The operator's configuration: the timer worker on (a fresh database has nothing overdue, so it only
            // polls, as in production), demo seed off, per-key rate limits lifted as for every benchmark.
            await using var service = await ServiceProcess.StartAsync(o, db, http,
                new Dictionary<string, string> { ["AfterSales__Timers__Enabled"] = "true" });
            using var supervisor = await SignedInSupervisorAsync(http, service.BaseAddress);
            var clock = new Stopwatch();
            var recorder = new SoakRecorder(clock);
            var traffic = new SoakTraffic(http, supervisor, service.BaseAddress, recorder, F($"K{DateTime.UtcNow:MMddHHmmss}"));
            var ticks = new List<Tick>();
            Tick Sample()
            {
                var (peak, now) = service.Memory();
                return new Tick(clock.Elapsed.TotalSeconds, recorder.Count, now, peak, service.CpuTime(), Threads(service.Pid), traffic.CasesOpened);
            }
            var client0 = Process.GetCurrentProcess().TotalProcessorTime;
            // Start-up logs an error on a fresh PostgreSQL database (EF reads the migrations table before it exists):
            // only what the service logs from here on is the run's.
            var startupLines = File.Exists(service.LogPath) ? File.ReadLines(service.LogPath).Count() : 0;
            clock.Start();
            ticks.Add(Sample());
            var missed = 0L;
            var requests = 0L;
            using var done = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                var period = TimeSpan.FromSeconds(o.SampleSeconds);
                while (true)
                {
                    var due = ticks[^1].At + period.TotalSeconds;
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, due - clock.Elapsed.TotalSeconds)), done.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    lock (ticks) ticks.Add(Sample());
                    Progress(ticks, recorder);
                }
            });
            async Task Client(int id)
            {
                var rng = new Random(id + 1);
                var journeys = new IAsyncEnumerator<bool>?[4];
                var turn = 0;
                // Each client keeps its share of the rate on a schedule of its own, staggered against the others. A
                // client that falls more than one slot behind (the service or the machine was slow) drops the slots it
                // missed and goes on from now: the rate dips and the run counts the dropped slots, but it never
                // catches up in a burst, which would be a load the soak did not ask for.
                var interval = o.Clients / o.Rate;
                var slotAt = id * interval / o.Clients;
                try
                {
                    while (true)
                    {
                        var now = clock.Elapsed.TotalSeconds;
                        if (slotAt >= duration.TotalSeconds || now >= duration.TotalSeconds) break;
                        if (slotAt > now) await Task.Delay(TimeSpan.FromSeconds(slotAt - now));
                        else if (now - slotAt > interval)
                        {
                            Interlocked.Add(ref missed, (long)((now - slotAt) / interval));
                            slotAt = now;
                        }
                        slotAt += interval;
                        if (Interlocked.Increment(ref requests) % SoakTraffic.DashboardEvery == 0)
                        {
                            await traffic.DashboardAsync();
                            continue;
                        }
                        // Several journeys per client, one step each in turn: cases in every state at once, as on a desk.
                        var slot = turn++ % journeys.Length;
                        while (true)
                        {
                            journeys[slot] ??= traffic.NewJourney(rng).GetAsyncEnumerator();
                            if (await journeys[slot]!.MoveNextAsync()) break;
                            await journeys[slot]!.DisposeAsync();
                            journeys[slot] = null;
                        }
                    }
                }
                finally
                {
                    foreach (var j in journeys)
                        if (j is not null) await j.DisposeAsync();
                }
            }
            await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(id => Task.Run(() => Client(id))));
            await done.CancelAsync();
            await sampler;
            ticks.Add(Sample());
            clock.Stop();
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - client0;
            return Report(o, db.Provider, ticks, recorder.All(), missed, clientCpu, service.LogPath, startupLines);
        }
        finally
        {
            await db.DropAsync();
        }
    }

    /// <summary>A supervisor signed in through the sign-in page, as a browser: the dashboard is a page, not an API.</summary>
    private static async Task<HttpClient> SignedInSupervisorAsync(HttpClient api, Uri baseAddress)
    {
        const string password = "Soak!Passw0rd-13";
        var userName = F($"soak-supervisor-{Environment.ProcessId}");
        var user = new JsonObject
        {
            ["userName"] = userName, ["password"] = password, ["displayName"] = "Soak supervisor",
            ["roles"] = new JsonArray("supervisor"),
        };
        using (var created = await api.PostAsync(new Uri(baseAddress, "/api/v1/users"), new StringContent(user.ToJsonString(), Encoding.UTF8, "application/json")))
            if (created.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"creating the supervisor: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var browser = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var form = await browser.GetStringAsync("/account/sign-in");
        var token = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value);
        using var signIn = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"signing the supervisor in: {(int)signIn.StatusCode}");
        return browser;
    }

    private static int Threads(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal))[8..].Trim(),
            CultureInfo.InvariantCulture);

    private static void Progress(List<Tick> ticks, SoakRecorder recorder)
    {
        Tick a, b;
        lock (ticks) (a, b) = (ticks[^2], ticks[^1]);
        var w = new Window(a, b, recorder.Slice(a.Requests, b.Requests));
        Console.WriteLine(F($"  {b.At,6:0} s: {w.Samples.Length / w.Seconds,5:0}/s, errors {w.Errors}, p50 {w.Latency.Percentile(50),6:0.0} ms, p99 {w.Latency.Percentile(99),7:0.0} ms, RSS {b.RssMiB,5:0} MiB, CPU {w.CpuShare,4:P0} of a core, {b.Threads} threads, {b.Cases:N0} cases"));
    }

    /// <summary>The requests that finished between two ticks, and what the service used meanwhile.</summary>
    private sealed class Window(Tick from, Tick to, SoakSample[] samples)
    {
        public Tick From { get; } = from;
        public Tick To { get; } = to;
        public SoakSample[] Samples { get; } = samples;
        public double Seconds => Math.Max(1e-9, To.At - From.At);
        public Stats Latency { get; } = new(samples.Select(s => (double)s.Ms));
        public int Errors => Samples.Count(s => s.Outcome != SoakOutcome.Ok);
        public int ServerErrors => Samples.Count(s => s.Outcome == SoakOutcome.ServerError);
        public int TransportErrors => Samples.Count(s => s.Outcome == SoakOutcome.Transport);
        public double CpuMs => (To.Cpu - From.Cpu).TotalMilliseconds;
        public double CpuShare => CpuMs / 1000 / Seconds;
    }

    private static int Report(BenchOptions o, string provider, List<Tick> ticks, SoakSample[] all, long missed, TimeSpan clientCpu, string log, int startupLines)
    {
        var first = ticks[0];
        var last = ticks[^1];
        var minutes = (last.At - first.At) / 60;
        var windows = ticks.Zip(ticks.Skip(1), (a, b) => new Window(a, b, all[a.Requests..b.Requests])).ToList();
        var errors = all.Count(s => s.Outcome != SoakOutcome.Ok);
        var serverErrors = all.Count(s => s.Outcome == SoakOutcome.ServerError);
        var transport = all.Count(s => s.Outcome == SoakOutcome.Transport);
        var unexpected = all.Count(s => s.Outcome == SoakOutcome.Unexpected);

        // "First 5 minutes vs last 5". The service starts cold (JIT tiering, dynamic PGO: tens of seconds, see create),
        // which would make any first 5 minutes look worse than the end and hide a slow rise; so the verdict compares
        // the 5 minutes after the first minute with the last 5, and the plain first 5 minutes are printed beside it.
        // A shorter trial scales both down: a quarter of the run (at most 1 min) of warm-up, then halves of the rest.
        var total = last.At - first.At;
        var warmup = Math.Min(60, total / 4);
        var span = Math.Min(300, (total - warmup) / 2);
        Stats Between(double a, double b) => new(all.Where(s => s.At > first.At + a && s.At <= first.At + b).Select(s => (double)s.Ms));
        var cold = Between(0, span);
        var head = Between(warmup, warmup + span);
        var tail = Between(total - span, total);
        var p99Ratio = tail.Percentile(99) / head.Percentile(99);
        var windowP99 = new Stats(windows.Where(w => w.Samples.Length > 0).Select(w => w.Latency.Percentile(99)));
        var worst = windows.Where(w => w.Samples.Length > 0).MaxBy(w => w.Latency.Percentile(99));

        // "Memory flat": RSS at minute 2 (after start-up, JIT and the first full GCs) against the end, and the slope
        // of a least-squares line through every sample from minute 2 on; a shorter trial starts at half its length.
        var from = Math.Min(120, (last.At - first.At) / 2);
        var steady = ticks.Where(t => t.At >= first.At + from - 1e-6).ToList();
        var reference = steady[0];
        var rssRatio = last.RssMiB / reference.RssMiB;
        var slope = Slope(steady.Select(t => (t.At / 60, t.RssMiB)).ToList());
        var cpuPerRequest = (last.Cpu - first.Cpu).TotalMilliseconds / Math.Max(1, all.Length);

        Console.WriteLine();
        Console.WriteLine("  per endpoint (count, share, p50 / p99 / max ms, errors):");
        foreach (var g in all.GroupBy(s => s.Op).OrderBy(g => g.Key))
        {
            var st = new Stats(g.Select(s => (double)s.Ms));
            Console.WriteLine(F($"    {g.Key,-19} {st.Count,8:N0} {(double)st.Count / all.Length,6:P1}  {st.Percentile(50),7:0.0} / {st.Percentile(99),7:0.0} / {st.Max,7:0.0}  {g.Count(s => s.Outcome != SoakOutcome.Ok)}"));
        }
        Console.WriteLine();
        var p = provider;
        Console.WriteLine(F($"RESULT soak[{p}]: {all.Length:N0} requests in {minutes:0.0} min = {all.Length / (last.At - first.At):0.0}/s (target {o.Rate:0}/s, {o.Clients} clients; {missed:N0} slots dropped because a client was behind); {last.Cases:N0} cases opened"));
        Console.WriteLine(F($"RESULT soak[{p}]: errors {errors:N0} (5xx {serverErrors:N0}, other unexpected status or body {unexpected:N0}, transport {transport:N0}) (goal 0: {(errors == 0 ? "MET" : "MISSED")})"));
        Console.WriteLine(F($"RESULT soak[{p}]: 5xx {serverErrors:N0}"));
        Console.WriteLine(F($"RESULT soak[{p}]: p99 minutes {warmup / 60:0.##}-{(warmup + span) / 60:0.##} {head.Percentile(99):0.0} ms vs last {span / 60:0.##} min {tail.Percentile(99):0.0} ms: ratio {p99Ratio:0.00}x (p50 {head.Percentile(50):0.0} vs {tail.Percentile(50):0.0} ms) (stable if ratio <= 1.5: {(p99Ratio <= 1.5 ? "YES" : "NO")})"));
        Console.WriteLine(F($"RESULT soak[{p}]: p99 first {span / 60:0.##} min, cold start included, {cold.Percentile(99):0.0} ms (ratio last/first {tail.Percentile(99) / cold.Percentile(99):0.00}x); per-{o.SampleSeconds:0}-s-window p99: median {windowP99.Percentile(50):0.0} ms, max {worst?.Latency.Percentile(99):0.0} ms (window ending at {worst?.To.At - first.At:0} s)"));
        Console.WriteLine(F($"RESULT soak[{p}]: RSS at {(reference.At - first.At) / 60:0.0} min {reference.RssMiB:0.0} MiB vs end {last.RssMiB:0.0} MiB: ratio {rssRatio:0.00}x, slope {slope:+0.00;-0.00} MiB/min ({steady.Count} samples from {(reference.At - first.At) / 60:0.0} min); peak VmHWM {last.PeakMiB:0} MiB; threads {reference.Threads} -> {last.Threads} (flat if ratio <= 1.10: {(rssRatio <= 1.10 ? "YES" : "NO")})"));
        Console.WriteLine(F($"RESULT soak[{p}]: service CPU {cpuPerRequest:0.00} ms per request (user+system, {(last.Cpu - first.Cpu).TotalMilliseconds / 1000 / (last.At - first.At):P0} of one core on average); the load generator {clientCpu.TotalMilliseconds / Math.Max(1, all.Length):0.00} ms per request"));

        // Failures the answers do not show (a background worker's exception, a request that failed after its answer).
        var levels = File.Exists(log) ? File.ReadLines(log).Skip(startupLines).Select(LogLevelOf).ToList() : [];
        Console.WriteLine(F($"RESULT soak[{p}]: service log during the run: {levels.Count(l => l is "Error" or "Critical")} Error/Critical lines, {levels.Count(l => l == "Warning")} Warning lines ({log}, after its first {startupLines} lines)"));

        Directory.CreateDirectory("bench/results");
        var csv = Path.GetFullPath(F($"bench/results/soak-{p}.csv"));
        var lines = new List<string> { "window,t_start_s,t_end_s,requests,requests_per_s,errors,http_5xx,transport_errors,p50_ms,p99_ms,max_ms,rss_mib,vmhwm_mib,cpu_ms,cpu_share_of_one_core,cpu_ms_per_request,threads,cases_opened" };
        lines.AddRange(windows.Select((w, i) => F($"{i + 1},{w.From.At - first.At:0.0},{w.To.At - first.At:0.0},{w.Samples.Length},{w.Samples.Length / w.Seconds:0.0},{w.Errors},{w.ServerErrors},{w.TransportErrors},{w.Latency.Percentile(50):0.00},{w.Latency.Percentile(99):0.00},{w.Latency.Max:0.00},{w.To.RssMiB:0.0},{w.To.PeakMiB:0.0},{w.CpuMs:0},{w.CpuShare:0.000},{w.CpuMs / Math.Max(1, w.Samples.Length):0.000},{w.To.Threads},{w.To.Cases}")));
        File.WriteAllLines(csv, lines);
        Console.WriteLine(F($"RESULT soak[{p}]: per-window table in {csv}"));
        return errors == 0 ? 0 : 1;
    }

    private static string? LogLevelOf(string line)
    {
        const string key = "\"LogLevel\":\"";
        var at = line.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var end = line.IndexOf('"', at + key.Length);
        return end < 0 ? null : line[(at + key.Length)..end];
    }

    /// <summary>Least-squares slope of y over x; 0 with fewer than two points.</summary>
    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 2) return 0;
        var mx = points.Average(q => q.X);
        var my = points.Average(q => q.Y);
        var sxx = points.Sum(q => (q.X - mx) * (q.X - mx));
        return sxx == 0 ? 0 : points.Sum(q => (q.X - mx) * (q.Y - my)) / sxx;
    }
}
