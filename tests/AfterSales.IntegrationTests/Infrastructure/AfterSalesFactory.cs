using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// The real service in memory, configured only through its documented settings (README "Configuration").
/// <c>UseSetting</c> is applied before <c>Program</c> reads its configuration, unlike app-configuration callbacks.
/// A <paramref name="logs"/> provider, when given, sees everything the instance logs (subject to the Logging settings).
/// </summary>
public sealed class AfterSalesFactory(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (logs is not null) builder.ConfigureLogging(l => l.AddProvider(logs));
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>
    /// The test server has no network connection, so no client address: a request names the address it stands for in
    /// <see cref="ClientAddressHeader"/> (<see cref="AfterSalesApp.CreateAnonymousClient"/> gives each client its own),
    /// set first in the pipeline as the connection's address, which is what the service reads.
    /// </summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextStep) =>
            {
                if (System.Net.IPAddress.TryParse(http.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    http.Connection.RemoteIpAddress = address;
                return nextStep(http);
            });
            next(app);
        };
    }

    /// <summary>The test-only header that names a request's client address (see <see cref="ClientAddressFilter"/>).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";
}
