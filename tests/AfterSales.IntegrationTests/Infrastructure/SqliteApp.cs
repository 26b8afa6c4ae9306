using Microsoft.Data.Sqlite;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>A fresh SQLite file per test class, in its own temp folder.</summary>
public sealed class SqliteApp : AfterSalesApp
{
    public override string Engine => "Sqlite";

    protected override Task<string?> CreateDatabaseAsync() =>
        Task.FromResult<string?>(new SqliteConnectionStringBuilder { DataSource = Path.Combine(WorkDirectory, "aftersales.db") }.ToString());

    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open; the folder is deleted after this.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
