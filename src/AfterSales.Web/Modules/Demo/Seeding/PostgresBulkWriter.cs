using Npgsql;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// Binary COPY per table, one transaction per chunk: the fastest way into PostgreSQL, with every constraint
/// and foreign key still checked. <c>synchronous_commit=off</c> for this session only: a crash can lose the
/// last chunks of the seed, never make the database inconsistent.
/// </summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    private PostgresBulkWriter(NpgsqlConnection connection, SeedSchema schema) : base(connection, schema) { }

    protected override string Greatest => "GREATEST";

    public static async Task<PostgresBulkWriter> OpenAsync(string connectionString, SeedSchema schema, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand("SET synchronous_commit = off", connection))
            await cmd.ExecuteNonQueryAsync(ct);
        return new PostgresBulkWriter(connection, schema);
    }

    public override void Write(SeedChunk chunk)
    {
        var connection = (NpgsqlConnection)Connection;
        using var tx = connection.BeginTransaction();
        foreach (var table in Schema.InWriteOrder)
        {
            var rows = chunk.RowsOf(Schema, table);
            if (rows.Count == 0) continue;
            using var copy = connection.BeginBinaryImport($"COPY \"{table.Name}\" ({Quoted(table.ColumnNames)}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                copy.StartRow();
                // Typed by the value: the model's converters already made each one the column's provider type.
                foreach (var value in row)
                    if (value is null) copy.WriteNull();
                    else copy.Write(value);
            }
            copy.Complete();
        }
        tx.Commit();
    }

    public override async Task FinishAsync(IReadOnlyDictionary<string, long> counters, CancellationToken ct)
    {
        await base.FinishAsync(counters, ct);
        // Ids were given explicitly: move the identity past them, so the service's next case gets a new one.
        await ScalarAsync("SELECT setval(pg_get_serial_sequence('cases', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM cases), 1))", ct);
        // What autovacuum would do shortly anyway; without it the first queries plan against empty-table statistics.
        await ScalarAsync("ANALYZE orders, cases, timeline_events, refunds, case_timers, sla_clocks, counters", ct);
    }
}
