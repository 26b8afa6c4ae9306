namespace AfterSales.Web.Data;

/// <summary>
/// The service's own configuration sources for the CLI verbs (seed, create-admin, create-key, audit-verify), so that
/// without switches a verb works on the database the service would use; <c>--provider</c>/<c>--connection</c> override.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(string? provider, string? connection)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var overrides = new Dictionary<string, string?>();
        if (provider is not null) overrides[DatabaseOptions.Section + ":Provider"] = provider;
        if (connection is not null) overrides["ConnectionStrings:AfterSales"] = connection;
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }
}
