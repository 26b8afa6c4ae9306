using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>
/// The service as a real process of its own (<c>dotnet AfterSales.Web.dll</c>) over a fixture's database, configured
/// only through the documented environment settings, so that <see cref="KillAsync"/> can SIGKILL it: no shutdown
/// hook, no flush, no finally block of the service runs — what a power cut or an OOM kill leaves behind.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private ServiceProcess(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
        Api = new Api(http);
    }

    /// <summary>A client with the bootstrap key; it keeps its connections, as a busy integration does.</summary>
    public HttpClient Http { get; }

    /// <summary>The same client through the test helpers, for set-up calls that must succeed.</summary>
    public Api Api { get; }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>
    /// Starts a process on a free port and waits until <c>/health/ready</c> answers (migrations applied). The manual
    /// clock starts at <paramref name="clockStart"/>; the timer and webhook workers run, polling often.
    /// </summary>
    /// <param name="overrides">Environment settings over these (TimerKillTests turns the timer worker off).</param>
    public static async Task<ServiceProcess> StartAsync(AfterSalesApp app, DateTimeOffset clockStart,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        var port = FreePort();
        var web = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["AfterSales__Database__Provider"] = app.Engine;
        env["ConnectionStrings__AfterSales"] = app.ConnectionString;
        env["AfterSales__Integration__ApiKey"] = AfterSalesApp.ApiKey;
        env["AfterSales__Demo__Seed"] = "false";
        env["AfterSales__Clock__Manual"] = "true";
        env["AfterSales__Clock__Start"] = clockStart.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        env["AfterSales__Timers__Enabled"] = "true";
        env["AfterSales__Timers__PollSeconds"] = "0.1";
        // Without an SLA policy only lifecycle steps are due, which is what the timer check counts.
        env["AfterSales__Sla__SeedDefaultPolicy"] = "false";
        env["AfterSales__Webhooks__PollSeconds"] = "0.1";
        // The test's receiver listens on 127.0.0.1, which the SSRF guard refuses unless allowed.
        env["AfterSales__Webhooks__AllowPrivateAddresses"] = "true";
        // The load comes from one key; the limiter has its own tests.
        env["AfterSales__RateLimits__PermitsPerSecond"] = "100000";
        env["AfterSales__RateLimits__Burst"] = "100000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) env[key] = value;
        var process = Process.Start(info)!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AfterSalesApp.ApiKey);
        var service = new ServiceProcess(process, http);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A cold start JITs the whole service: on a shared 2-core machine under other builds it took up to 100 s.
            await Eventually.UntilAsync(service.ReadyAsync, ok => ok, _ => $"service ready on port {port}; output:\n{service.RecentOutput}",
                TimeSpan.FromMinutes(5));
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    /// <summary>SIGKILL on Linux (<see cref="Process.Kill(bool)"/>): the process ends mid-request, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines) _output.TryDequeue(out _);
    }

    private async Task<bool> ReadyAsync()
    {
        Assert.False(_process.HasExited, $"the service process exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{RecentOutput}");
        try
        {
            using var response = await Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }
}
