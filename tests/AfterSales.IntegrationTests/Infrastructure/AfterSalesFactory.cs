using Microsoft.AspNetCore.Hosting;
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
    }
}
