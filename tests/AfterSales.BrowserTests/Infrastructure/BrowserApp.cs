using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.BrowserTests.Infrastructure;

/// <summary>
/// One real service on a real loopback port (Kestrel, not the in-memory test server: a browser needs a socket) over
/// a fresh SQLite file with the demo data, and one headless Chromium, shared by the tests of one class
/// (<c>IClassFixture</c>). Each test gets a browser context of its own (<see cref="BrowserTest"/>), so cookies and
/// the language choice never leak from one test to another.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("aftersales-browser-").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser cannot run here (no Chromium), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The fixture is not initialized.")).Services;

    public async ValueTask InitializeAsync()
    {
        Unavailable = Chromium.Missing();
        if (Unavailable is not null) return;

        _factory = new Factory(Settings());
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        // Builds the host, runs the migrations and the demo seed, and binds the port.
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single(), UriKind.Absolute);

        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>Skips the calling test on a developer machine without Chromium; fails it when CI=true.</summary>
    public void RequireBrowser()
    {
        if (Unavailable is null) return;
        if (Chromium.CiDemandsIt) Assert.Fail(Unavailable + " CI=true: browser tests must run (.ci/run installs chromium).");
        Assert.Skip(Unavailable);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["AfterSales:Database:Provider"] = "Sqlite",
        ["ConnectionStrings:AfterSales"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_workDirectory, "aftersales.db") }.ToString(),
        // The demo people (DemoUsers: wangfang, anna, xiaoyu, sunli, maqiang, admin, …) and their orders and cases.
        ["AfterSales:Demo:Seed"] = "true",
        // The journeys assert the refunding step themselves; the demo's payment sandbox would race them.
        ["AfterSales:Demo:SettleRefundsAfterSeconds"] = "0",
        ["AfterSales:Attachments:Path"] = Path.Combine(_workDirectory, "attachments"),
        ["AfterSales:Clock:Manual"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "None",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        // A browser loads a page, its stylesheet and its script at once; the limiter has its own tests.
        ["AfterSales:RateLimits:PermitsPerSecond"] = "100000",
        ["AfterSales:RateLimits:Burst"] = "100000",
        ["AfterSales:RateLimits:AnonymousPermitsPerSecond"] = "100000",
    };

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        // Pooled connections keep the file open; the folder is deleted after this.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
    }

    /// <summary>The real service, configured only through its documented settings (README "Configuration"), in Development.</summary>
    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
