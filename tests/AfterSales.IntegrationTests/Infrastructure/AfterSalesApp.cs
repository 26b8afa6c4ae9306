using System.Net.Http.Headers;
using AfterSales.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// One running service over one fresh database, shared by the tests of one class (<c>IClassFixture</c>).
/// The engine-specific subclasses create and drop the database; everything else is the same on both engines.
/// </summary>
public abstract class AfterSalesApp : IAsyncLifetime
{
    public const string ApiKey = "integration-test-key";

    /// <summary>The HMAC key that signs case exports (AfterSales:Export:SigningKey), so tests can check a signature as an outside verifier would.</summary>
    public const string ExportSigningKey = "integration-test-export-signing-key-0000";

    private AfterSalesFactory? _factory;
    private Api? _api;
    private string? _unavailable;
    private Dictionary<string, string?>? _settings;

    /// <summary>The <c>AfterSales:Database:Provider</c> value.</summary>
    public abstract string Engine { get; }

    /// <summary>Settings on top of the defaults (e.g. <see cref="ClockSettings.Manual"/>), for apps a test class owns.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The database's connection string, so that a second service instance (<see cref="StartNode"/>) can share it.</summary>
    public string ConnectionString => Setting("ConnectionStrings:AfterSales");

    /// <summary>Files that live outside the database (attachments); deleted with the fixture.</summary>
    protected string WorkDirectory { get; } = Directory.CreateTempSubdirectory("aftersales-itests-").FullName;

    /// <summary>A client that sends the bootstrap key; every call fails the test on a 5xx.</summary>
    public Api Api
    {
        get
        {
            SkipIfUnavailable();
            return _api ?? throw new InvalidOperationException("The fixture is not initialized.");
        }
    }

    /// <summary>People with a configured key of their own (<c>AfterSales:Integration:Keys</c>), by actor id.</summary>
    public static readonly IReadOnlyDictionary<string, (string Key, string Role)> RoleKeys = new Dictionary<string, (string, string)>
    {
        ["agent-1"] = ("test-key-agent-1-0000", "agent"),
        ["agent-2"] = ("test-key-agent-2-0000", "agent"),
        ["supervisor-1"] = ("test-key-supervisor-1-0000", "supervisor"),
    };

    private readonly Dictionary<string, Api> _people = [];

    /// <summary>A client that acts as one of <see cref="RoleKeys"/>.</summary>
    public Api As(string actor)
    {
        SkipIfUnavailable();
        lock (_people)
        {
            if (_people.TryGetValue(actor, out var api)) return api;
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoleKeys[actor].Key);
            return _people[actor] = new Api(client);
        }
    }

    /// <summary>A client without credentials, at an address of its own unless given one (<see cref="NewClientAddress"/>).</summary>
    public HttpClient CreateAnonymousClient(string? address = null) => At(Factory.CreateClient(), address);

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's requests look to the server.</summary>
    public HttpClient CreateBrowserClient(string? address = null) =>
        At(Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), address);

    private static int _lastAddress;

    /// <summary>
    /// An address no other client of this test run has (198.18.0.0/15, the benchmarking range): each anonymous client is
    /// a person somewhere else, so that failed sign-ins of unrelated tests do not add up to one address's throttle.
    /// </summary>
    public static string NewClientAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"198.{18 + ((n >> 16) & 1)}.{(n >> 8) & 0xFF}.{n & 0xFF}";
    }

    private static HttpClient At(HttpClient client, string? address)
    {
        client.DefaultRequestHeaders.Add(AfterSalesFactory.ClientAddressHeader, address ?? NewClientAddress());
        return client;
    }

    public IServiceProvider Services => Factory.Services;

    private AfterSalesFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Creates the database and returns its connection string, or null when the engine is unreachable (see <see cref="MarkUnavailable"/>).</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected void MarkUnavailable(string reason) => _unavailable = reason;

    /// <summary>Skips the calling test (xunit v3 dynamic skip) when the engine is not there and CI does not demand it.</summary>
    public void SkipIfUnavailable()
    {
        if (_unavailable is not null) Assert.Skip(_unavailable);
    }

    public async ValueTask InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        if (connectionString is null) return;
        _settings = new Dictionary<string, string?>
        {
            ["AfterSales:Database:Provider"] = Engine,
            ["ConnectionStrings:AfterSales"] = connectionString,
            ["AfterSales:Integration:ApiKey"] = ApiKey,
            ["AfterSales:Demo:Seed"] = "false",
            ["AfterSales:Attachments:Path"] = Path.Combine(WorkDirectory, "attachments"),
            ["AfterSales:Export:SigningKey"] = ExportSigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
            // Handled domain errors are not faults; genuine ones are logged by the service's own handler.
            ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            // Tests of other features send bursts from one key; the limiter has its own tests (RateLimitTests).
            ["AfterSales:RateLimits:PermitsPerSecond"] = "100000",
            ["AfterSales:RateLimits:Burst"] = "100000",
            ["AfterSales:RateLimits:AnonymousPermitsPerSecond"] = "100000",
        };
        for (var i = 0; i < RoleKeys.Count; i++)
        {
            var (actor, (key, role)) = RoleKeys.ElementAt(i);
            _settings[$"AfterSales:Integration:Keys:{i}:Key"] = key;
            _settings[$"AfterSales:Integration:Keys:{i}:Actor"] = actor;
            _settings[$"AfterSales:Integration:Keys:{i}:Role"] = role;
        }
        AddSettings(_settings);
        foreach (var (key, value) in Settings) _settings[key] = value;
        _factory = new AfterSalesFactory(_settings);
        _api = AuthorizedApi(_factory);
    }

    /// <summary>A hook for fixtures that need more settings than the defaults; <see cref="Settings"/> is applied after it.</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// Starts another instance of the service on the same database (a second node, or the same node after a restart),
    /// with these settings over the fixture's. The caller disposes it.
    /// </summary>
    public ServiceNode StartNode(IReadOnlyDictionary<string, string?> overrides, Microsoft.Extensions.Logging.ILoggerProvider? logs = null)
    {
        SkipIfUnavailable();
        var settings = new Dictionary<string, string?>(_settings ?? throw new InvalidOperationException("The fixture is not initialized."));
        foreach (var (key, value) in overrides) settings[key] = value;
        var factory = new AfterSalesFactory(settings, logs);
        return new ServiceNode(factory, AuthorizedApi(factory));
    }

    private static Api AuthorizedApi(AfterSalesFactory factory)
    {
        // CreateClient starts the host: migrations run and the worker starts here.
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new Api(client);
    }

    private string Setting(string key) =>
        (_settings ?? throw new InvalidOperationException("The fixture is not initialized."))[key]
        ?? throw new InvalidOperationException($"{key} is not set.");

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A scope on the service's own container, to look at rows directly.</summary>
    public async Task<T> QueryAsync<T>(Func<AfterSalesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>());
    }
}
