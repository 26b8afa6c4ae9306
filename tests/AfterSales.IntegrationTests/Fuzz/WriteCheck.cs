using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Web.Data;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// "A refused request writes nothing", measured as the row count of every table the model maps (and the sum of the
/// case-number counters, which a refused open must not advance), all in one query so it can be taken around every
/// request. Some tables are written by a refused request by design; each such exclusion names the requests it
/// covers and why.
/// </summary>
public sealed class WriteCheck
{
    private const string CountersKey = "(case number counters)";

    /// <summary>A table a request (given the status it got) may write by design although it is refused, or safe.</summary>
    public sealed record Exclusion(string Table, Func<FuzzRequest, int, bool> Covers, string Reason);

    private readonly string _sql;
    private readonly string[] _names;
    private readonly AfterSalesApp _app;

    private WriteCheck(AfterSalesApp app, string sql, string[] names, string idempotency)
    {
        _app = app;
        _sql = sql;
        _names = names;
        Exclusions =
        [
            // TokenEndpoint.AuditSignInAsync: every password sign-in of a known user is audited, a failed one above all
            // (a run of failures is what an audit looks for); the chain head moves with every entry.
            new("audit_entries", (r, status) => r.Operation.Key == "POST /api/v1/auth/token" && status is 401 or 423, "a failed sign-in of a known user is audited"),
            new("audit_chain_head", (r, status) => r.Operation.Key == "POST /api/v1/auth/token" && status is 401 or 423, "the audit chain's head moves with that entry"),
            // API.md "Idempotency-Key": the first answer to a keyed POST is kept and replayed, a 4xx as much as a 2xx.
            new(idempotency, (r, status) => r.HasIdempotencyKey && status < 500, "the answer to a keyed POST is kept for its replay, a refusal included"),
            // A GET that writes by design: a case export (personal data leaving the system) is audited, who took which case.
            new("audit_entries", (r, status) => r.Operation.Key == "GET /api/v1/cases/{caseNo}/export" && status == 200, "a case export is audited"),
            new("audit_chain_head", (r, status) => r.Operation.Key == "GET /api/v1/cases/{caseNo}/export" && status == 200, "the audit chain's head moves with that entry"),
        ];
    }

    public IReadOnlyList<Exclusion> Exclusions { get; }

    public static async Task<WriteCheck> CreateAsync(AfterSalesApp app)
    {
        var (sql, names, idempotency) = await app.QueryAsync(db =>
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
            return Task.FromResult(("SELECT " + string.Join(", ", columns), tables.Select(t => t.Table).Append(CountersKey).ToArray(),
                db.IdempotencyRecords.EntityType.GetTableName()!));
        });
        return new WriteCheck(app, sql, names, idempotency);
    }

    public async Task<long[]> TakeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = _sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return [.. Enumerable.Range(0, _names.Length).Select(i => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The tables whose counts differ, less those that the requests in between (with their statuses) may write by design.</summary>
    public List<string> Changed(long[] before, long[] after, IEnumerable<(FuzzRequest Request, int Status)> between)
    {
        var allowed = Exclusions.Where(x => between.Any(b => x.Covers(b.Request, b.Status))).Select(x => x.Table).ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(0, _names.Length)
            .Where(i => before[i] != after[i] && !allowed.Contains(_names[i]))
            .Select(i => $"{_names[i]} {before[i]} → {after[i]}")];
    }
}
