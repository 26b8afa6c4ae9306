using System.Diagnostics;
using System.Globalization;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// The service as operators run it: the Release build, its own process, configured by environment, demo seed off.
/// Its log goes to a file beside the data so that the benchmark's output stays the figures.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-aftersales-key";
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    /// <summary>The service's own log (JSON lines), beside the data.</summary>
    public string LogPath { get; }
    public int Pid => _process.Id;

    public static async Task<ServiceProcess> StartAsync(BenchOptions o, BenchDatabase db, HttpClient http,
        IReadOnlyDictionary<string, string>? env = null, int? port = null, string? logName = null)
    {
        var url = F($"http://127.0.0.1:{port ?? o.Port}");
        var log = Path.GetFullPath(Path.Combine(o.WorkDir, (logName ?? db.Name) + ".service.log"));
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var psi = new ProcessStartInfo("bash")
        {
            // exec: the pid we hold is the service's own, so /proc/<pid>/status is its memory.
            ArgumentList = { "-c", "exec dotnet \"$0\" --urls \"$1\" >\"$2\" 2>&1", Path.GetFullPath(o.WebDll), url, log },
            UseShellExecute = false,
            // The content root is the working directory: from anywhere else appsettings.json is not read, and its
            // log levels with it (every SQL command would be logged at Information, which costs more than the SQL).
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(o.WebDll))!,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["AfterSales__Database__Provider"] = db.Provider;
        psi.Environment["ConnectionStrings__AfterSales"] = db.ConnectionString;
        psi.Environment["AfterSales__Integration__ApiKey"] = ApiKey;
        psi.Environment["AfterSales__Demo__Seed"] = "false";
        // The seed writes the timers the aggregate planned, and its old open cases are long overdue: a worker would
        // spend the run auto-agreeing them. The timer benchmark turns it on; the others measure without it.
        psi.Environment["AfterSales__Timers__Enabled"] = "false";
        // The benchmarks drive one key far above the per-key limit on purpose; the limiter stays in the path.
        psi.Environment["AfterSales__RateLimits__PermitsPerSecond"] = "10000000";
        psi.Environment["AfterSales__RateLimits__Burst"] = "10000000";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        // Runtime knobs to compare (e.g. DOTNET_gcServer=0), as NAME=VALUE.
        foreach (var pair in o.ServiceEnv)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            psi.Environment[pair[..eq]] = pair[(eq + 1)..];
        }
        // A service left over from an interrupted run would answer in this one's place, on its own database.
        try
        {
            using var stale = await http.GetAsync(new Uri(url + "/health/live"));
            throw new InvalidOperationException($"something already answers on {url}: stop it first");
        }
        catch (HttpRequestException)
        {
            // Nothing listens there: good.
        }
        var process = Process.Start(psi)!;
        var service = new ServiceProcess(process, new Uri(url), log);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the service exited with {process.ExitCode}; see {log}");
            try
            {
                using var r = await http.GetAsync(new Uri(service.BaseAddress, "/health/ready"));
                if (r.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"the service was not ready in 2 minutes; see {log}");
            await Task.Delay(200);
        }
        Console.WriteLine(F($"  service pid {process.Id} ready in {clock.Elapsed.TotalSeconds:0.0} s at {url} (log: {log})"));
        return service;
    }

    /// <summary>Peak resident set (VmHWM) and current (VmRSS) in MiB, from the kernel's own accounting.</summary>
    public (double PeakMiB, double NowMiB) Memory()
    {
        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            var kb = long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kb / 1024.0;
        }
        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>CPU time the service has used (user + system), from /proc/&lt;pid&gt;/stat: a cost that noise from other work does not inflate.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name in parentheses (which may hold spaces): utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host shuts down gracefully (and SQLite closes its WAL cleanly).
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
