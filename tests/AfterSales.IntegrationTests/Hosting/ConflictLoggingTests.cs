using AfterSales.Web.Modules.Cases.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests.Hosting;

/// <summary>
/// Issue 13 (7): a lost race is an ordinary outcome, not a fault. Concurrent retries that collide on an idempotency
/// key or on a case's version log one Information line naming what collided, never an Error with a
/// <c>DbUpdateException</c> stack; a genuine database fault still is an Error.
/// </summary>
public abstract class ConflictLoggingTests(AfterSalesApp app) : ApiTests(app)
{
    /// <summary>The production logging levels (appsettings.json), not the tests' quiet ones: what an operator sees.</summary>
    private static readonly Dictionary<string, string?> ProductionLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "Warning",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Errors(CapturedLogs logs) =>
        [.. logs.Lines.Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal))];

    [Fact]
    public async Task ConcurrentRetriesWithOneIdempotencyKey_LogTheKeyAtInformation_NoError()
    {
        var logs = new CapturedLogs();
        var key = Samples.NewId("race-key-");
        await using (var node = App.StartNode(ProductionLogging, logs))
        {
            var orderNo = await node.Api.CreateOrderAsync();
            var body = Samples.CaseRequest(orderNo, "return_refund");
            var responses = await Burst.RunAsync(20, _ => node.Api.TryOpenCaseAsync(body, key));
            Assert.Contains(responses, r => r.StatusCode == 201);
            // A typed error the handler answers (here 404) is no fault either: the framework's handler logs no Error for it.
            Problems.Assert(await node.Api.GetCaseAsync("AS999999999999999"), 404, "case.not_found");
        }
        Assert.Empty(Errors(logs));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("DbUpdateException", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Information ", StringComparison.Ordinal) && l.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>
    /// A case saved over a newer version. Case actions take the order's lock before they read, so HTTP bursts on one
    /// case no longer lose a save this way; the background steps (SLA recompute, assignment) still can. The stale
    /// save is made here directly on the service's own context, the way those steps make it.
    /// </summary>
    [Fact]
    public async Task ACaseSavedOverANewerVersion_LogsTheCaseAtInformation_NoError()
    {
        var logs = new CapturedLogs();
        string caseNo;
        await using (var node = App.StartNode(ProductionLogging, logs))
        {
            var orderNo = await node.Api.CreateOrderAsync();
            caseNo = (await node.Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
            await node.QueryAsync(async stale =>
            {
                var c = await stale.Cases.SingleAsync(x => x.CaseNo == caseNo, Ct);
                await node.QueryAsync(other => other.Cases.Where(x => x.CaseNo == caseNo)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, x => x.Version + 1), Ct));
                stale.Entry(c).Property(x => x.Version).CurrentValue = c.Version + 1;
                return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Ct));
            });
        }
        Assert.Empty(Errors(logs));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("DbUpdateConcurrencyException", StringComparison.Ordinal));
        var line = Assert.Single(logs.Lines, l => l.StartsWith("Information ", StringComparison.Ordinal) && l.Contains(caseNo, StringComparison.Ordinal));
        Assert.Contains("concurrent change", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGenuineDatabaseFault_IsStillAnError()
    {
        var logs = new CapturedLogs();
        await using (var node = App.StartNode(ProductionLogging, logs))
            await node.QueryAsync(db => Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
                () => db.Database.ExecuteSqlRawAsync("UPDATE no_such_table SET x = 1", Ct)));
        Assert.Contains(Errors(logs), l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal)
            && l.Contains("no_such_table", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Information ", StringComparison.Ordinal) && l.Contains("no_such_table", StringComparison.Ordinal));
    }
}

public sealed class ConflictLoggingTests_Sqlite(SqliteApp app) : ConflictLoggingTests(app), IClassFixture<SqliteApp>;

public sealed class ConflictLoggingTests_Postgres(PostgresApp app) : ConflictLoggingTests(app), IClassFixture<PostgresApp>;
