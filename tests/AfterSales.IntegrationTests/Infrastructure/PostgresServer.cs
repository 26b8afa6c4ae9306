using Npgsql;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>The PostgreSQL server the tests may use, and whether it is there.</summary>
public static class PostgresServer
{
    public const string DefaultAdmin = "Host=127.0.0.1;Username=aftersales;Password=aftersales;Database=postgres";

    private static readonly Lazy<Task<string?>> Probe = new(ProbeAsync);

    public static string AdminConnectionString
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");
            return string.IsNullOrWhiteSpace(configured) ? DefaultAdmin : configured;
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the admin connection works; otherwise why not. Asked once per test run.</summary>
    public static Task<string?> UnreachableReasonAsync() => Probe.Value;

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProbeAsync()
    {
        try
        {
            // A refused connection fails at once; the long timeout is for a server that is up but slow to answer on a
            // loaded machine (5 s was seen to give up on one that was accepting connections).
            var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Timeout = 30, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            return $"{e.GetType().Name}: {e.Message} (host {Describe()})";
        }
    }

    private static string Describe()
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(AdminConnectionString);
            return $"{b.Host}:{b.Port}, user {b.Username}";
        }
        catch (ArgumentException)
        {
            return "unparseable AFTERSALES_TEST_POSTGRES";
        }
    }
}
