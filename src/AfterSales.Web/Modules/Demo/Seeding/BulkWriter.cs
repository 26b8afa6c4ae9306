using System.Data.Common;
using System.Globalization;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>What is already in the database, so that a seed can go on top of earlier data without collisions.</summary>
internal sealed record SeedStart(long NextCaseId, Dictionary<string, long> Counters, bool PrefixTaken);

/// <summary>
/// Writes seed chunks straight through ADO.NET (no change tracking), one transaction per chunk.
/// Each engine adds its fastest path: prepared inserts on SQLite, binary COPY on PostgreSQL.
/// </summary>
internal abstract class BulkWriter(DbConnection connection, SeedSchema schema) : IAsyncDisposable
{
    protected DbConnection Connection { get; } = connection;
    protected SeedSchema Schema { get; } = schema;

    /// <summary>The engine's name for the larger of two values in an upsert.</summary>
    protected abstract string Greatest { get; }

    public abstract void Write(SeedChunk chunk);

    public async Task<SeedStart> ReadStartAsync(string firstOrderNo, CancellationToken ct)
    {
        var nextId = Convert.ToInt64(await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM cases", ct), CultureInfo.InvariantCulture) + 1;
        var taken = Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM orders WHERE \"OrderNo\" = @p", ct, firstOrderNo), CultureInfo.InvariantCulture) > 0;
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT \"Name\", \"Value\" FROM counters WHERE \"Name\" LIKE 'case:%'";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counters[reader.GetString(0)] = reader.GetInt64(1);
        return new SeedStart(nextId, counters, taken);
    }

    /// <summary>Moves each day's case counter past the numbers the seed gave out, so the service's next number is new.</summary>
    public virtual async Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct)
    {
        await using var tx = await Connection.BeginTransactionAsync(ct);
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO counters (\"Name\", \"Value\") VALUES (@n, @v) ON CONFLICT (\"Name\") DO UPDATE SET \"Value\" = "
            + Greatest + "(counters.\"Value\", excluded.\"Value\")";
        var name = Add(cmd, "@n", "");
        var value = Add(cmd, "@v", 0L);
        foreach (var (n, v) in counters)
        {
            name.Value = n;
            value.Value = v;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, object? p = null)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        if (p is not null) Add(cmd, "@p", p);
        return await cmd.ExecuteScalarAsync(ct);
    }

    protected static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => "\"" + n + "\""));

    private static DbParameter Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
