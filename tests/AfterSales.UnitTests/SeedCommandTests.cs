using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Demo.Features;
using AfterSales.Web.Modules.Demo.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.UnitTests;

/// <summary>The seed verb writes rows the service's own model reads back, numbered so that the service goes on from them.</summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aftersales-seed-{Guid.NewGuid():N}.db");

    private string Cs => $"Data Source={_file}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeds_cases_the_model_reads_back_and_moves_the_counters_past_them()
    {
        Assert.Equal(0, await SeedCommand.RunAsync(["--orders", "400", "--cases", "300", "--open-share", "0.1", "--batch", "100", "--connection", Cs]));
        // A second run on top, with its own order numbers: ids and case numbers go on, nothing collides.
        Assert.Equal(0, await SeedCommand.RunAsync(["--orders", "50", "--cases", "50", "--prefix", "S2", "--connection", Cs]));
        Assert.Equal(3, await SeedCommand.RunAsync(["--orders", "10", "--connection", Cs]));

        await using var db = new SqliteAfterSalesDbContext(new DbContextOptionsBuilder<SqliteAfterSalesDbContext>().UseSqlite(Cs).Options);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Refunds).Include(c => c.Timeline).ToListAsync(Ct);
        Assert.Equal(450, await db.Orders.CountAsync(Ct));
        // The bulk path applies the model's converters: seeded recipients are encrypted like the API's (README "Personal data").
        var recipients = await db.Database.SqlQueryRaw<string>("SELECT \"Recipient\" AS \"Value\" FROM orders").ToListAsync(Ct);
        Assert.All(recipients, r => Assert.StartsWith(PersonalDataColumn.Prefix, r, StringComparison.Ordinal));
        Assert.Equal(350, cases.Count);
        Assert.Equal(cases.Count, cases.Select(c => c.CaseNo).Distinct().Count());
        Assert.InRange(cases.Count(c => c.Status == CaseStatus.Requested), 10, 90);
        Assert.True(cases.Select(c => c.Status).Distinct().Count() >= 5, "statuses are spread over the lifecycles");
        foreach (var c in cases)
        {
            // Every event after "created" bumps the version, as in the aggregate.
            Assert.Equal(c.Version, c.Timeline.Count);
            Assert.Equal("created", c.Timeline.OrderBy(e => e.Id).First().Type);
            Assert.NotEmpty(c.Lines);
            Assert.True(c.RefundedAmount <= c.Lines.Sum(l => l.MaxRefund));
        }
        // Within a run, ids follow creation time, so "newest first by id" is newest first by time.
        var firstRun = cases.OrderBy(c => c.Id).Take(300).ToList();
        Assert.True(firstRun.Zip(firstRun.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt));

        var counters = await db.Counters.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Value, Ct);
        foreach (var day in cases.GroupBy(c => c.CaseNo[2..10]))
            Assert.Equal(day.Max(c => long.Parse(c.CaseNo[10..], System.Globalization.CultureInfo.InvariantCulture)), counters[CaseNumbers.CounterName(day.Key)]);
    }

    [Fact]
    public async Task Seeds_the_pending_timer_the_aggregate_planned_for_each_case()
    {
        Assert.Equal(0, await SeedCommand.RunAsync(["--orders", "300", "--cases", "300", "--open-share", "0.3", "--batch", "100", "--connection", Cs]));

        await using var db = new SqliteAfterSalesDbContext(new DbContextOptionsBuilder<SqliteAfterSalesDbContext>().UseSqlite(Cs).Options);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Timers).ToListAsync(Ct);
        Assert.True(cases.Sum(c => c.Timers.Count) > 0);
        foreach (var c in cases)
        {
            // What the service itself would have left: one step for a case under way, none for a finished one.
            Assert.True(c.Timers.Count <= 1);
            if (c.Status is CaseStatus.Requested && c.Type != CaseType.Complaint)
                Assert.Equal(Case.AutoAgree, Assert.Single(c.Timers).Step);
            if (c.Status is CaseStatus.Closed or CaseStatus.Cancelled) Assert.Empty(c.Timers);
            foreach (var t in c.Timers) Assert.Equal(c.Id, t.CaseId);
        }
    }

    [Theory]
    [InlineData("--orders", "0")]
    [InlineData("--orders", "10", "--cases", "11")]
    [InlineData("--orders", "10", "--open-share", "2")]
    [InlineData("--orders", "10", "--bogus", "1")]
    public void Refuses_bad_switches(params string[] args) => Assert.Throws<ArgumentException>(() => SeedOptions.Parse(args));

    [Fact]
    public void Progress_line_has_count_share_rate_and_eta()
    {
        var line = new ProgressBar("seed", 1000, TextWriter.Null, interactive: false).Format(250, 5000, TimeSpan.FromSeconds(10));
        Assert.Contains("25.0%", line, StringComparison.Ordinal);
        Assert.Contains("250/1,000", line, StringComparison.Ordinal);
        Assert.Contains("500 rows/s", line, StringComparison.Ordinal);
        Assert.Contains("ETA 0:30", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}
