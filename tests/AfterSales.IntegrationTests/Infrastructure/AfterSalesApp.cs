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

    private AfterSalesFactory? _factory;
    private Api? _api;
    private string? _unavailable;

    /// <summary>The <c>AfterSales:Database:Provider</c> value.</summary>
    public abstract string Engine { get; }

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

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient() => Factory.CreateClient();

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
        _factory = new AfterSalesFactory(new Dictionary<string, string?>
        {
            ["AfterSales:Database:Provider"] = Engine,
            ["ConnectionStrings:AfterSales"] = connectionString,
            ["AfterSales:Integration:ApiKey"] = ApiKey,
            ["AfterSales:Demo:Seed"] = "false",
            ["AfterSales:Attachments:Path"] = Path.Combine(WorkDirectory, "attachments"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Handled domain errors are not faults; genuine ones are logged by the service's own handler.
            ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        });
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _api = new Api(client);
    }

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
