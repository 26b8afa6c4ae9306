using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "AfterSales:Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=./data/aftersales.db";

    public static IServiceCollection AddAfterSalesDatabase(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.IsPostgres && !string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"AfterSales:Database:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
        services.AddSingleton(options);
        // The key ring lives in the database (data_protection_keys): bearer tokens and the personal-data column
        // (PersonalDataColumn) use it, on every node and in every CLI verb.
        services.AddDataProtection().SetApplicationName("AfterSales").PersistKeysToDbContext<AfterSalesDbContext>().ProtectKeyRing(config);
        var connectionString = config.GetConnectionString("AfterSales");
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings:AfterSales is required when the provider is Postgres.");
            services.AddDbContextPool<PostgresAfterSalesDbContext>((sp, o) => o.UsePersonalDataProtector(PersonalDataColumn.ProtectorFrom(sp)).UseNpgsql(connectionString,
                n => n.MigrationsAssembly(typeof(AfterSalesDbContext).Assembly.GetName().Name)).AddInterceptors(ModelParts.Interceptors).WithConflictLogging(sp));
            services.AddScoped<AfterSalesDbContext>(sp => sp.GetRequiredService<PostgresAfterSalesDbContext>());
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureFolder(cs);
            services.AddDbContextPool<SqliteAfterSalesDbContext>((sp, o) => o.UsePersonalDataProtector(PersonalDataColumn.ProtectorFrom(sp)).UseSqlite(cs).AddInterceptors([new SqlitePragmas(), .. ModelParts.Interceptors]).WithConflictLogging(sp));
            services.AddScoped<AfterSalesDbContext>(sp => sp.GetRequiredService<SqliteAfterSalesDbContext>());
        }
        return services;
    }

    /// <summary>Lost races (a unique key taken, a stale version) logged once at Information, other failures at Error (<see cref="ConflictLogging"/>).</summary>
    private static DbContextOptionsBuilder WithConflictLogging(this DbContextOptionsBuilder o, IServiceProvider sp) =>
        o.ConfigureWarnings(ConflictLogging.TurnDownEfErrors).AddInterceptors(new ConflictLogging(sp.GetRequiredService<ILoggerFactory>()).Interceptors);

    private static void EnsureFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the mode is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
        // Shipped data belongs with the schema: every database, fresh test ones included, has the cn and 24x7 calendars.
        var now = scope.ServiceProvider.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        foreach (var shipped in ModelParts.Shipped) await shipped.EnsureAsync(db, now, ct);
        PersonalDataColumn.EnsureKey(scope.ServiceProvider);
    }
}

/// <summary>
/// Per-connection SQLite settings: NORMAL sync is durable across process crashes in WAL mode; a busy connection
/// waits up to 30 s for the write lock (<see cref="SqliteBusyWait"/>). Both belong to the native connection, which
/// the pool keeps open: they are set once per native connection, not on every logical open (EF opens and closes
/// around each command outside a transaction, several times per request).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection)) return;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = Sql;
            cmd.ExecuteNonQuery();
        }
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection)) return;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) => Configured.TryGetValue(((SqliteConnection)connection).Handle!, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        SqliteBusyWait.Install(sqlite);
        Configured.AddOrUpdate(sqlite.Handle!, Done);
    }
}
