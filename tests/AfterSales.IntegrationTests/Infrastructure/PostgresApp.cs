using Npgsql;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test class, created through the admin connection of
/// <c>AFTERSALES_TEST_POSTGRES</c> and dropped afterwards with <c>WITH (FORCE)</c>.
/// </summary>
public sealed class PostgresApp : AfterSalesApp
{
    private string? _database;

    public override string Engine => "Postgres";

    protected override async Task<string?> CreateDatabaseAsync()
    {
        var unreachable = await PostgresServer.UnreachableReasonAsync();
        if (unreachable is not null)
        {
            // CI promises PostgreSQL: there its absence is a failure, never a silent skip.
            if (PostgresServer.IsCi) throw new InvalidOperationException($"CI=true but PostgreSQL is not usable: {unreachable}");
            MarkUnavailable($"PostgreSQL is not usable, so the PostgreSQL variant is skipped (set AFTERSALES_TEST_POSTGRES, or CI=true to make this fail): {unreachable}");
            return null;
        }
        _database = "aftersales_it_" + Guid.NewGuid().ToString("N");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        return new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = _database }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null) return;
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }
}
