using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Web.Data;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// "A refused request writes nothing", measured as the row count of every table the model maps (and the sum of the
/// case-number counters, which a refused open must not advance), all in one query so it can be taken around every
/// request. Some tables are written by a refused request by design; each such exclusion names the requests it
/// covers and why. The query is prepared once on a connection of its own, kept open for the run: the counts are
/// taken thousands of times, and opening a pooled connection and planning the query each time cost more than counting.
/// </summary>
public sealed class WriteCheck : IAsyncDisposable
{
    private const string CountersKey = "(case number counters)";

    /// <summary>A table a request (given the status it got) may write by design although it is refused, or safe.</summary>
    public sealed record Exclusion(string Table, Func<FuzzRequest, int, bool> Covers, string Reason);

    private readonly AsyncServiceScope _scope;
    private readonly DbCommand _command;
    private readonly string[] _names;

    private WriteCheck(AsyncServiceScope scope, DbCommand command, string[] names, string idempotency)
    {
        _scope = scope;
        _command = command;
        _names = names;
        // The audit log is two tables: its entries and the chain's head, which moves with every entry.
        static IEnumerable<Exclusion> Audited(string operation, Func<int, bool> status, string reason) =>
            new[] { "audit_entries", "audit_chain_head" }.Select(table => new Exclusion(table, (r, s) => r.Operation.Key == operation && status(s), reason));
        Exclusions =
        [
            // TokenEndpoint.AuditSignInAsync: every password sign-in of a known user is audited, a failed one above all
            // (a run of failures is what an audit looks for).
            .. Audited("POST /api/v1/auth/token", s => s is 401 or 423, "a failed sign-in of a known user is audited"),
            // API.md "Idempotency-Key": the first answer to a keyed POST is kept and replayed, a 4xx as much as a 2xx.
            new(idempotency, (r, s) => r.HasIdempotencyKey && s < 500, "the answer to a keyed POST is kept for its replay, a refusal included"),
            // GETs that write by design when they answer: personal data leaving the system is audited, who read what.
            .. Audited("GET /api/v1/cases/{caseNo}/export", s => s == 200, "a case export is audited"),
            .. Audited("GET /api/v1/orders/{orderNo}", s => s == 200, "the platform's read of an unmasked recipient is audited (personal_data.read)"),
        ];
    }

    public IReadOnlyList<Exclusion> Exclusions { get; }

    public static async Task<WriteCheck> CreateAsync(AfterSalesApp app)
    {
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var (sql, names, idempotency) = Describe(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.PrepareAsync(TestContext.Current.CancellationToken);
        return new WriteCheck(scope, command, names, idempotency);
    }

    private static (string Sql, string[] Names, string Idempotency) Describe(AfterSalesDbContext db)
    {
        string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => (Table: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct().OrderBy(t => t.Table, StringComparer.Ordinal).ToList();
        var counters = db.Counters.EntityType;
        var counterValue = counters.FindProperty("Value")!.GetColumnName();
        var columns = tables.Select(t => $"(SELECT COUNT(*) FROM {(t.Schema is null ? "" : Quote(t.Schema) + ".")}{Quote(t.Table)})")
            .Append($"(SELECT COALESCE(SUM({Quote(counterValue)}), 0) FROM {Quote(counters.GetTableName()!)})");
        return ("SELECT " + string.Join(", ", columns), tables.Select(t => t.Table).Append(CountersKey).ToArray(),
            db.IdempotencyRecords.EntityType.GetTableName()!);
    }

    /// <summary>How long the counts took in all (the price of checking every refused request on its own).</summary>
    public TimeSpan Spent { get; private set; }

    public async Task<long[]> TakeAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var reader = await _command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        long[] counts = [.. Enumerable.Range(0, _names.Length).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
        Spent += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return counts;
    }

    /// <summary>The tables whose counts differ, less those that the requests in between (with their statuses) may write by design.</summary>
    public List<string> Changed(long[] before, long[] after, IEnumerable<(FuzzRequest Request, int Status)> between)
    {
        var allowed = Exclusions.Where(x => between.Any(b => x.Covers(b.Request, b.Status))).Select(x => x.Table).ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(0, _names.Length)
            .Where(i => before[i] != after[i] && !allowed.Contains(_names[i]))
            .Select(i => $"{_names[i]} {before[i]} → {after[i]}")];
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
