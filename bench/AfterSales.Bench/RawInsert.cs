using System.Diagnostics;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// The baseline for case creation: how many one-row transactions (BEGIN; INSERT; COMMIT) per second this database
/// takes right now, through ADO.NET on one connection with the service's settings, into a scratch table.
/// Measured in the same run as the HTTP load, so that the machine's noise hits both alike.
/// </summary>
public static class RawInsert
{
    public static async Task<double> RatePerSecondAsync(BenchDatabase db, double seconds)
    {
        await using var c = await db.OpenAsync();
        await using (var ddl = c.CreateCommand())
        {
            ddl.CommandText = db.Provider == "Postgres"
                ? "DROP TABLE IF EXISTS bench_scratch; CREATE TABLE bench_scratch (id bigserial PRIMARY KEY, at bigint NOT NULL, payload text NOT NULL)"
                : "DROP TABLE IF EXISTS bench_scratch; CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, payload TEXT NOT NULL)";
            await ddl.ExecuteNonQueryAsync();
        }
        await using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO bench_scratch (at, payload) VALUES (@at, @payload)";
        var at = insert.CreateParameter();
        at.ParameterName = "@at";
        at.Value = 0L;
        var payload = insert.CreateParameter();
        payload.ParameterName = "@payload";
        // About the size of a case row.
        payload.Value = new string('x', 300);
        insert.Parameters.Add(at);
        insert.Parameters.Add(payload);
        long rows = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await using var tx = await c.BeginTransactionAsync();
            insert.Transaction = tx;
            at.Value = Stopwatch.GetTimestamp();
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            rows++;
        }
        var rate = rows / clock.Elapsed.TotalSeconds;
        await using (var drop = c.CreateCommand())
        {
            drop.CommandText = "DROP TABLE bench_scratch";
            await drop.ExecuteNonQueryAsync();
        }
        Console.WriteLine(F($"  raw one-row INSERT+COMMIT ({db.Provider}, one connection, service settings): {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s = {rate:N0} rows/s"));
        return rate;
    }
}
