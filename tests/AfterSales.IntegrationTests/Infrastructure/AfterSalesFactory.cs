using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// The real service in memory, configured only through its documented settings (README "Configuration").
/// <c>UseSetting</c> is applied before <c>Program</c> reads its configuration, unlike app-configuration callbacks.
/// </summary>
public sealed class AfterSalesFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
