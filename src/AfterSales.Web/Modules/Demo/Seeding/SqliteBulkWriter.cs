using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// One prepared single-row INSERT per table, reused for every row, in one transaction per chunk. The connection
/// runs with <c>synchronous=OFF</c> for the seed only: a crash mid-seed can lose the seed, which is re-run anyway;
/// the file stays in WAL mode and the service opens its own connections with its own settings.
/// </summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    private readonly List<(SeedTable Table, SqliteCommand Command)> _inserts = [];

    private SqliteBulkWriter(SqliteConnection connection, SeedSchema schema) : base(connection, schema)
    {
        foreach (var table in schema.InWriteOrder)
        {
            var cmd = connection.CreateCommand();
            var names = table.ColumnNames.Select((_, i) => "$p" + i).ToArray();
            cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({Quoted(table.ColumnNames)}) VALUES ({string.Join(", ", names)})";
            // The model's type mapping configures each parameter as EF would (e.g. GUIDs as upper-case text).
            for (var i = 0; i < names.Length; i++)
                cmd.Parameters.Add(table.Columns[i].GetRelationalTypeMapping().CreateParameter(cmd, names[i], null, nullable: true));
            _inserts.Add((table, cmd));
        }
    }

    protected override string Greatest => "max";

    public static async Task<SqliteBulkWriter> OpenAsync(string connectionString, SeedSchema schema, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return new SqliteBulkWriter(connection, schema);
    }

    public override void Write(SeedChunk chunk)
    {
        using var tx = (SqliteTransaction)Connection.BeginTransaction();
        foreach (var (table, cmd) in _inserts)
        {
            cmd.Transaction = tx;
            var parameters = cmd.Parameters;
            foreach (var row in chunk.RowsOf(Schema, table))
            {
                for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }

    public override async Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct)
    {
        await base.FinishAsync(counters, ct);
        // Fold the WAL back into the database so the service starts on a small WAL.
        await ScalarAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }

    protected override ValueTask DisposeCoreAsync()
    {
        foreach (var (_, cmd) in _inserts) cmd.Dispose();
        return ValueTask.CompletedTask;
    }
}
