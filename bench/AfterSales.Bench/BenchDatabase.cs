using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// A database of its own per benchmark: a SQLite file under the work folder, or a <c>bench_*</c> PostgreSQL
/// database made through the admin connection and dropped afterwards (unless kept for a re-run).
/// </summary>
public sealed class BenchDatabase
{
    private readonly BenchOptions _o;

    private BenchDatabase(BenchOptions o, string name, string connectionString, bool existed)
    {
        _o = o;
        Name = name;
        ConnectionString = connectionString;
        Existed = existed;
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public string Provider => _o.IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>With <c>--reuse</c>, the database was there already and is not seeded again.</summary>
    public bool Existed { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions o, string defaultName)
    {
        var name = o.Database ?? defaultName;
        if (!name.StartsWith("bench_", StringComparison.Ordinal)) throw new ArgumentException("--database must start with bench_");
        if (!o.IsPostgres)
        {
            Directory.CreateDirectory(o.WorkDir);
            var file = Path.GetFullPath(Path.Combine(o.WorkDir, name + ".db"));
            var existed = o.Reuse && File.Exists(file);
            if (!existed)
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            return new BenchDatabase(o, name, $"Data Source={file}", existed);
        }
        await using var admin = new NpgsqlConnection(o.PgAdmin);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @n", admin);
        exists.Parameters.AddWithValue("n", name);
        var there = (long)(await exists.ExecuteScalarAsync())! > 0;
        if (there && !o.Reuse) await Exec(admin, $"DROP DATABASE \"{name}\" WITH (FORCE)");
        if (!there || !o.Reuse) await Exec(admin, $"CREATE DATABASE \"{name}\"");
        var cs = new NpgsqlConnectionStringBuilder(o.PgAdmin) { Database = name }.ConnectionString;
        return new BenchDatabase(o, name, cs, there && o.Reuse);
    }

    public async Task DropAsync()
    {
        if (_o.Keep) return;
        if (!_o.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_o.PgAdmin);
        await admin.OpenAsync();
        await Exec(admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    /// <summary>Runs the service's own <c>seed</c> verb (same executable), its progress lines passed through.</summary>
    public async Task SeedAsync(long orders, long cases, double openShare, string prefix)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false };
        foreach (var a in new[] { _o.WebDll, "seed", "--orders", orders.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--cases", cases.ToString(System.Globalization.CultureInfo.InvariantCulture), "--open-share",
                     openShare.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prefix", prefix,
                     "--provider", Provider, "--connection", ConnectionString })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"seed failed with exit code {p.ExitCode}");
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var c = await OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A connection with the settings the service uses (SqlitePragmas: WAL file, synchronous=NORMAL, busy timeout).</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection c = _o.IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await c.OpenAsync();
        if (!_o.IsPostgres)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await cmd.ExecuteNonQueryAsync();
        }
        return c;
    }

    private static async Task Exec(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    public override string ToString() => F($"{Provider} {Name}");
}
