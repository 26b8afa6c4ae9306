using System.Data.Common;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Web.Data;

/// <summary>
/// Issue 13 (7): a lost race is an outcome, not a fault. EF Core logs every failed save at Error with the whole
/// <see cref="DbUpdateException"/> (two entries: the command and the save), even when the caller catches it — an
/// idempotency key claimed twice, a lost unique insert that is retried — and a case saved over a newer version only
/// at Debug, without saying which. Those expected conflicts (a unique or primary key taken, an optimistic concurrency
/// failure) are logged here as ONE Information line naming the rows that collided (entity, key and unique alternate
/// keys such as a case number; never other values); every other failure is logged at Error under EF Core's own
/// category and event id, as EF Core would. <see cref="DatabaseSetup"/> turns EF Core's own two Error events down to
/// Debug so that each failure is reported once.
/// </summary>
internal sealed class ConflictLogging(ILoggerFactory loggers)
{
    /// <summary>Where expected conflicts go: a category of the service's own, at Information under the default levels.</summary>
    public const string Category = "AfterSales.Web.Data.Conflicts";

    private static readonly EventId ConflictEvent = new(13_007, "ExpectedConflict");

    private readonly ILogger _conflicts = loggers.CreateLogger(Category);
    private readonly ILogger _commands = loggers.CreateLogger(DbLoggerCategory.Database.Command.Name);
    private readonly ILogger _updates = loggers.CreateLogger(DbLoggerCategory.Update.Name);

    /// <summary>The two interceptors to add to every context.</summary>
    public IInterceptor[] Interceptors => [new Saves(this), new Commands(this)];

    /// <summary>What EF Core logs at Error on its own, turned down to Debug: this class reports each once, at the right level.</summary>
    public static void TurnDownEfErrors(WarningsConfigurationBuilder w) =>
        w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));

    /// <summary>
    /// A unique or primary key taken, and nothing else: <see cref="UniqueViolation"/> also counts SQLite's other
    /// constraints (a foreign key, NOT NULL), which are faults and stay Errors here.
    /// </summary>
    private static bool IsUniqueViolation(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }) return true; // CONSTRAINT_UNIQUE, _PRIMARYKEY
            if (x is Npgsql.PostgresException { SqlState: "23505" }) return true;
        }
        return false;
    }

    private void Conflict(string kind, IReadOnlyList<EntityEntry> entries, Exception? e)
    {
        var rows = Describe(entries);
        _conflicts.LogInformation(ConflictEvent, "Expected conflict ({Kind}) saving {Rows}{Constraint}; the caller retries or answers a conflict",
            kind, rows.Length == 0 ? "(rows unknown)" : rows, e is null ? "" : Constraint(e));
    }

    private void SaveFailed(DbContextErrorEventData data)
    {
        var e = data.Exception;
        // A stale version was reported as it was thrown (ThrowingConcurrencyException), with its rows.
        if (e is DbUpdateConcurrencyException) return;
        if (IsUniqueViolation(e))
        {
            Conflict("unique key taken", e is DbUpdateException u ? u.Entries : [], e);
            return;
        }
        _updates.LogError(CoreEventId.SaveChangesFailed, e, "An exception occurred in the database while saving changes for context type '{ContextType}'.",
            data.Context?.GetType().FullName);
    }

    private void CommandFailed(DbCommand command, CommandErrorEventData data)
    {
        if (IsUniqueViolation(data.Exception))
        {
            // A save's failure is reported once, with its rows, by SaveFailed; another command's (a raw insert) here.
            if (data.CommandSource != CommandSource.SaveChanges)
                _conflicts.LogInformation(ConflictEvent, "Expected conflict (unique key taken) in a {Source} command{Constraint}", data.CommandSource, Constraint(data.Exception));
            return;
        }
        _commands.LogError(RelationalEventId.CommandError, data.Exception, "Failed executing DbCommand ({Elapsed}ms) [CommandType='{CommandType}', CommandTimeout='{CommandTimeout}']{NewLine}{CommandText}",
            (long)data.Duration.TotalMilliseconds, command.CommandType, command.CommandTimeout, Environment.NewLine, command.CommandText);
    }

    /// <summary>Each row as entity and key, with its unique alternate keys (a case's number): what collided, no other value.</summary>
    private static string Describe(IReadOnlyList<EntityEntry> entries) => string.Join(", ", entries.Select(entry =>
    {
        var type = entry.Metadata;
        var keyProperties = (type.FindPrimaryKey()?.Properties ?? []).ToList();
        foreach (var index in type.GetIndexes().Where(i => i.IsUnique))
            // A converted column may be personal data stored encrypted: never named.
            keyProperties.AddRange(index.Properties.Where(p => p.GetValueConverter() is null && p.GetTypeMapping().Converter is null && !keyProperties.Contains(p)));
        var values = keyProperties.Select(p => $"{p.Name}={entry.Property(p.Name).CurrentValue}");
        return $"{type.ClrType.Name}({string.Join(", ", values)})";
    }));

    private static string Constraint(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException { ConstraintName: { } name }) return $" [constraint {name}]";
            // SQLite names the columns ("UNIQUE constraint failed: idempotency_records.Scope, …"), never their values.
            if (x is Microsoft.Data.Sqlite.SqliteException s) return $" [{s.Message}]";
        }
        return "";
    }

    private sealed class Saves(ConflictLogging log) : SaveChangesInterceptor
    {
        public override void SaveChangesFailed(DbContextErrorEventData eventData) => log.SaveFailed(eventData);

        // EF Core reports a lost optimistic concurrency check here (SaveChangesFailed is not called for it).
        public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
        {
            log.Conflict("concurrent change", eventData.Entries, null);
            return result;
        }

        public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            log.Conflict("concurrent change", eventData.Entries, null);
            return ValueTask.FromResult(result);
        }

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            log.SaveFailed(eventData);
            return Task.CompletedTask;
        }
    }

    private sealed class Commands(ConflictLogging log) : DbCommandInterceptor
    {
        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => log.CommandFailed(command, eventData);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            log.CommandFailed(command, eventData);
            return Task.CompletedTask;
        }
    }
}
