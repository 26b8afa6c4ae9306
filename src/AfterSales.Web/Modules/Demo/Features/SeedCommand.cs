using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Demo.Seeding;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>
/// <c>AfterSales.Web seed --orders N [--cases N] [--open-share 0.1] [--provider …] [--connection …]</c>: a large,
/// realistic data set for load tests and benchmarks, written fast. It migrates first, then generates on one thread
/// while the other writes, chunk by chunk, through the engine's bulk path (see <see cref="BulkWriter"/>).
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        SeedOptions o;
        try
        {
            o = SeedOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync("seed: " + e.Message);
            await Console.Error.WriteLineAsync(SeedOptions.Usage);
            return 2;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        await using var services = new ServiceCollection().AddLogging().AddAfterSalesDatabase(CliConfiguration.Build(o.Provider, o.Connection)).BuildServiceProvider();
        var engine = services.GetRequiredService<DatabaseOptions>();
        var clock = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(services, cts.Token);
        Console.WriteLine(Invariant($"seed: {(engine.IsPostgres ? "Postgres" : "Sqlite")} migrated in {clock.Elapsed.TotalSeconds:0.0} s; writing {o.Orders:N0} orders, {o.Cases:N0} cases ({o.OpenShare:P0} left open)"));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var schema = SeedSchema.From(db);
        var cs = db.Database.GetConnectionString()!;
        await using BulkWriter writer = engine.IsPostgres
            ? await PostgresBulkWriter.OpenAsync(cs, schema, cts.Token)
            : await SqliteBulkWriter.OpenAsync(cs, schema, cts.Token);
        var start = await writer.ReadStartAsync(SeedGenerator.OrderNo(o.Prefix, 0), cts.Token);
        if (start.PrefixTaken)
        {
            await Console.Error.WriteLineAsync($"seed: orders {o.Prefix}… exist already in this database; choose another --prefix");
            return 3;
        }
        var generator = new SeedGenerator(o, schema, DateTimeOffset.UtcNow, start.NextCaseId, start.Counters);
        var (orders, rows) = await PumpAsync(generator, writer, ProgressBar.ForConsole("seed", o.Orders), cts.Token);
        await writer.FinishAsync(generator.Counters, cts.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"seed: done, {orders:N0} orders and {rows:N0} rows in all in {seconds:0.0} s ({rows / seconds:N0} rows/s)"));
        Console.WriteLine("seed: case statuses " + string.Join(", ", generator.Statuses.OrderByDescending(s => s.Value)
            .Select(s => Invariant($"{SharedKernel.Wire.Name(s.Key)} {s.Value:N0} ({(double)s.Value / Math.Max(1, o.Cases):P1})"))));
        return 0;
    }

    /// <summary>Generation and writing overlap: the generator runs at most two chunks ahead of the database.</summary>
    private static async Task<(long Orders, long Rows)> PumpAsync(SeedGenerator generator, BulkWriter writer, ProgressBar bar, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<SeedChunk>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in generator.Chunks()) await channel.Writer.WriteAsync(chunk, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);
        long orders = 0, rows = 0;
        var writing = new Stopwatch();
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                writing.Start();
                writer.Write(chunk);
                writing.Stop();
                orders += chunk.OrderCount;
                rows += chunk.RowCount;
                bar.Report(orders, rows);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
        bar.Report(orders, rows, final: true);
        // Which side limits the rate: a database busy nearly all the time is the bottleneck, else the generator is.
        Console.WriteLine(Invariant($"seed: the database was busy {writing.Elapsed.TotalSeconds:0.0} s of {bar.Elapsed.TotalSeconds:0.0} s"));
        return (orders, rows);
    }


    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
