using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// Issue 3, point 6. Two databases seeded alike (every case <c>requested</c>, so each has an <c>auto_agree</c> step),
/// whose <c>case_timers</c> are then laid out directly: the same due rows in both, plus <see cref="BenchOptions.Pending"/>
/// (big) or <see cref="BenchOptions.SmallPending"/> (small) rows due days ahead.
/// <para>A — tick cost: both services run side by side on a manual clock (worker off); each tick is
/// <c>POST /api/v1/test-clock/advance {"minutes":1}</c>, which exposes exactly the rows of one slot (0, 100 or
/// <see cref="BenchOptions.BigDue"/>) and runs them; small and big alternate tick by tick, so noise hits both.</para>
/// <para>B — fire lag: the big database's service on the real clock with its worker on (default poll 0.5 s);
/// rows due at a fixed rate over the next seconds are inserted, and a reader polls every 20 ms for the moment each
/// step's timer row is gone (committed); the service's own stamp (the <c>agreed</c> event's <c>At</c>) is read after.</para>
/// </summary>
public static class TimerBench
{
    private const int FillerCases = 2000;
    private const string Step = "auto_agree";

    public static async Task<int> RunAsync(BenchOptions o)
    {
        // Slots in tick order: a warm-up, then 0 and 100 alternating, then the big ones each followed by an empty tick.
        var warmup = new List<int> { 100, 100, 100, 0, 0, 0 };
        var slots = new List<int>(warmup);
        for (var r = 0; r < o.Rounds; r++) slots.AddRange([0, 100]);
        for (var r = 0; r < o.BigRounds; r++) slots.AddRange([o.BigDue, 0]);
        var dueCases = slots.Sum();
        var streamCases = (int)(o.StreamRate * o.StreamSeconds);
        var cases = dueCases + streamCases + FillerCases;
        Console.WriteLine(F($"== timers: {o.Provider}, pending {o.Pending:N0} vs {o.SmallPending:N0}; {cases:N0} requested cases; stream {o.StreamRate}/s for {o.StreamSeconds} s"));

        var big = await BenchDatabase.CreateAsync(o with { Database = null }, "bench_timers_big");
        var small = await BenchDatabase.CreateAsync(o with { Database = null }, "bench_timers_small");
        try
        {
            foreach (var db in new[] { big, small })
                if (!db.Existed) await db.SeedAsync(cases, cases, 1.0, "TB");
            var seededTimers = await big.CountAsync("SELECT COUNT(*) FROM case_timers");
            var requested = await big.CountAsync("SELECT COUNT(*) FROM cases WHERE \"Status\" = 'requested'");
            Console.WriteLine(F($"  seeded: {requested:N0} requested cases, {seededTimers:N0} timer rows written by the seed (overdue: the seed's cases are old); replaced by the layout below"));

            var ids = await RequestedIdsAsync(big);
            if (ids.Count < cases) throw new InvalidOperationException($"need {cases} requested cases, have {ids.Count}");
            var smallIds = await RequestedIdsAsync(small);
            if (!ids.Take(cases).SequenceEqual(smallIds.Take(cases))) throw new InvalidOperationException("the two seeds differ");
            var dueIds = ids.Take(dueCases).ToList();
            var streamIds = ids.Skip(dueCases).Take(streamCases).ToList();
            var fillerIds = ids.Skip(dueCases + streamCases).Take(FillerCases).ToList();

            var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            var layout = new List<(long CaseId, DateTimeOffset Due)>();
            var next = 0;
            for (var j = 0; j < slots.Count; j++)
                for (var k = 0; k < slots[j]; k++)
                    layout.Add((dueIds[next++], t0.AddMinutes(j + 1).AddSeconds(-30)));
            foreach (var (db, pending) in new[] { (big, o.Pending), (small, o.SmallPending) })
            {
                var clock = Stopwatch.StartNew();
                await using var c = await db.OpenAsync();
                await Exec(c, "DELETE FROM case_timers");
                // Pending: due from 2 to 32 days ahead, spread evenly, on cases of their own.
                var filler = Enumerable.Range(0, (int)pending).Select(i =>
                    (fillerIds[i % FillerCases], t0.AddDays(2).AddTicks(TimeSpan.FromDays(30).Ticks / pending * i)));
                await InsertTimersAsync(c, layout.Concat(filler));
                if (o.IsPostgres) await Exec(c, "VACUUM ANALYZE case_timers");
                else await Exec(c, "PRAGMA wal_checkpoint(TRUNCATE)");
                Console.WriteLine(F($"  {db.Name}: {await db.CountAsync("SELECT COUNT(*) FROM case_timers"):N0} timer rows ({layout.Count:N0} for the ticks) written in {clock.Elapsed.TotalSeconds:0.0} s"));
            }

            if (o.Parts.Contains('a', StringComparison.Ordinal)) await TickCostAsync(o, big, small, slots, warmup.Count, t0);
            if (o.Parts.Contains('b', StringComparison.Ordinal)) await FireLagAsync(o, big, streamIds);
            return 0;
        }
        finally
        {
            await big.DropAsync();
            await small.DropAsync();
        }
    }

    private static async Task TickCostAsync(BenchOptions o, BenchDatabase big, BenchDatabase small, List<int> slots, int warmup, DateTimeOffset t0)
    {
        var env = new Dictionary<string, string>
        {
            ["AfterSales__Clock__Manual"] = "true",
            ["AfterSales__Clock__Start"] = t0.ToString("O"),
            ["AfterSales__Timers__Enabled"] = "false",
        };
        using var http = Http.Client(2);
        await using var sBig = await ServiceProcess.StartAsync(o, big, http, env, o.Port, big.Name + "-a");
        await using var sSmall = await ServiceProcess.StartAsync(o, small, http, env, o.Port + 1, small.Name + "-a");
        var services = new[] { (Name: "small", S: sSmall), (Name: "big", S: sBig) };
        var wall = new Dictionary<(string, int), List<double>>();
        var cpu = new Dictionary<(string, int), TimeSpan>();
        var floor = new Dictionary<string, List<double>> { ["small"] = [], ["big"] = [] };
        for (var j = 0; j < slots.Count; j++)
        {
            // Alternate which goes first, so neither always runs right after the other's burst.
            foreach (var (name, s) in j % 2 == 0 ? services : services.Reverse())
            {
                var cpu0 = s.CpuTime();
                var t = Stopwatch.GetTimestamp();
                using var r = await http.PostAsJsonAsync(new Uri(s.BaseAddress, "/api/v1/test-clock/advance"), new { minutes = 1 });
                var body = await r.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                var cpuUsed = s.CpuTime() - cpu0;
                if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"advance: {(int)r.StatusCode} {body}");
                var ran = JsonDocument.Parse(body).RootElement.GetProperty("stepsRun").GetInt32();
                if (ran != slots[j]) throw new InvalidOperationException(F($"{name} tick {j}: ran {ran} steps, {slots[j]} were due"));
                if (j < warmup) continue;
                (wall.TryGetValue((name, slots[j]), out var l) ? l : wall[(name, slots[j])] = []).Add(ms);
                cpu[(name, slots[j])] = cpu.GetValueOrDefault((name, slots[j])) + cpuUsed;
                if (slots[j] == 0)
                {
                    var f = Stopwatch.GetTimestamp();
                    using var g = await http.GetAsync(new Uri(s.BaseAddress, "/api/v1/test-clock"));
                    await g.Content.ReadAsStringAsync();
                    floor[name].Add(Stopwatch.GetElapsedTime(f).TotalMilliseconds);
                }
            }
        }
        var p = big.Provider;
        Console.WriteLine(F($"RESULT timers-a[{p}]: baseline HTTP floor GET /api/v1/test-clock: small p50 {new Stats(floor["small"]).Percentile(50):0.00} ms, big p50 {new Stats(floor["big"]).Percentile(50):0.00} ms"));
        var zero = (Small: Median(wall[("small", 0)]), Big: Median(wall[("big", 0)]));
        foreach (var d in slots.Skip(warmup).Distinct().Order())
        {
            var sm = wall[("small", d)];
            var bg = wall[("big", d)];
            var ratio = Median(bg) / Median(sm);
            var perStep = d == 0 ? "" : F($"; per step {(Median(sm) - zero.Small) / d:0.000} ms small, {(Median(bg) - zero.Big) / d:0.000} ms big; CPU/step {cpu[("small", d)].TotalMilliseconds / sm.Count / d:0.000} vs {cpu[("big", d)].TotalMilliseconds / bg.Count / d:0.000} ms");
            Console.WriteLine(F($"RESULT timers-a[{p}]: tick with {d:N0} due: {o.Pending:N0} pending median {Median(bg):0.00} ms (min {bg.Min():0.00}, n={bg.Count}) vs {o.SmallPending:N0} pending (baseline) median {Median(sm):0.00} ms (min {sm.Min():0.00}); ratio {ratio:0.00}; CPU/tick {cpu[("big", d)].TotalMilliseconds / bg.Count:0.0} vs {cpu[("small", d)].TotalMilliseconds / sm.Count:0.0} ms{perStep}"));
        }
        var (peakB, _) = sBig.Memory();
        var (peakS, _) = sSmall.Memory();
        Console.WriteLine(F($"RESULT timers-a[{p}]: peak VmHWM big {peakB:0} MiB, small {peakS:0} MiB"));
    }

    private static async Task FireLagAsync(BenchOptions o, BenchDatabase db, List<long> streamIds)
    {
        using var http = Http.Client(1);
        var env = new Dictionary<string, string> { ["AfterSales__Timers__Enabled"] = "true" };
        foreach (var pair in o.ServiceEnv) env[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var pending = await db.CountAsync("SELECT COUNT(*) FROM case_timers");
        await using var service = await ServiceProcess.StartAsync(o, db, http, env, o.Port, db.Name + "-b");
        await Task.Delay(2000); // the worker's first passes, the JIT
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var due = streamIds.Select((id, i) => (CaseId: id, Due: start.AddTicks((long)(TimeSpan.TicksPerSecond * i / o.StreamRate)))).ToList();
        await using (var w = await db.OpenAsync()) await InsertTimersAsync(w, due);
        Console.WriteLine(F($"  stream: {due.Count:N0} timers due {start:HH:mm:ss.fff} to {due[^1].Due:HH:mm:ss.fff} at {o.StreamRate}/s, beside {pending:N0} pending"));

        var seen = new Dictionary<long, DateTimeOffset>(); // case -> first poll that saw its timer gone
        await using var c = await db.OpenAsync();
        var cpu0 = service.CpuTime();
        var end = due[^1].Due.AddSeconds(15);
        var cursor = 0;
        var waiting = new HashSet<long>();
        while (DateTimeOffset.UtcNow < end && seen.Count < due.Count)
        {
            var pollAt = DateTimeOffset.UtcNow;
            while (cursor < due.Count && due[cursor].Due <= pollAt) waiting.Add(due[cursor++].CaseId);
            var still = new HashSet<long>();
            await using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT \"CaseId\" FROM case_timers WHERE \"DueAt\" >= @lo AND \"DueAt\" <= @hi AND \"Step\" = 'auto_agree'";
                AddTime(cmd, "lo", start, o.IsPostgres);
                AddTime(cmd, "hi", pollAt, o.IsPostgres);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) still.Add(r.GetInt64(0));
            }
            var observed = DateTimeOffset.UtcNow;
            foreach (var id in waiting.Where(id => !still.Contains(id)).ToList())
            {
                seen[id] = observed;
                waiting.Remove(id);
            }
            await Task.Delay(20);
        }
        var cpu = service.CpuTime() - cpu0;
        var dueOf = due.ToDictionary(d => d.CaseId, d => d.Due);
        var observedLag = new Stats(seen.Select(s => (s.Value - dueOf[s.Key]).TotalMilliseconds));
        // The first 10 s of the stream meet a service that has just started (JIT tiering): reported apart.
        var warm = start.AddSeconds(Math.Min(10, o.StreamSeconds / 3));
        var steady = new Stats(seen.Where(s => dueOf[s.Key] >= warm).Select(s => (s.Value - dueOf[s.Key]).TotalMilliseconds));
        var stamped = new List<double>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = F($"SELECT \"CaseId\", \"At\" FROM timeline_events WHERE \"Type\" = 'agreed' AND \"CaseId\" BETWEEN {streamIds.Min()} AND {streamIds.Max()}");
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                if (dueOf.TryGetValue(r.GetInt64(0), out var d)) stamped.Add((ReadTime(r, 1, o.IsPostgres) - d).TotalMilliseconds);
        }
        var st = new Stats(stamped);
        var poll = o.ServiceEnv.FirstOrDefault(e => e.StartsWith("AfterSales__Timers__PollSeconds=", StringComparison.Ordinal))?.Split('=')[1] ?? "0.5";
        var pollMs = double.Parse(poll, System.Globalization.CultureInfo.InvariantCulture) * 1000;
        var p = db.Provider;
        Console.WriteLine(F($"RESULT timers-b[{p}]: fire lag, step committed (seen by a 20 ms reader) - due: {observedLag.Summary()}; {seen.Count:N0} of {due.Count:N0} fired; p99 {observedLag.Percentile(99) / pollMs:0.00}x the poll interval {pollMs:0} ms (baseline); goal p99 <= 1000 ms: {(observedLag.Percentile(99) <= 1000 && seen.Count == due.Count ? "MET" : "MISSED")}"));
        Console.WriteLine(F($"RESULT timers-b[{p}]: fire lag after the first {(warm - start).TotalSeconds:0} s of the stream: {steady.Summary()}; p99 {steady.Percentile(99) / pollMs:0.00}x the poll interval; goal p99 <= 1000 ms: {(steady.Percentile(99) <= 1000 ? "MET" : "MISSED")}"));
        Console.WriteLine(F($"RESULT timers-b[{p}]: fire lag, event stamp (At) - due: {st.Summary()}; service CPU {cpu.TotalMilliseconds / Math.Max(1, seen.Count):0.00} ms per step over the stream ({cpu.TotalSeconds:0.0} s in {(DateTimeOffset.UtcNow - start).TotalSeconds:0} s)"));
    }

    private static async Task<List<long>> RequestedIdsAsync(BenchDatabase db)
    {
        await using var c = await db.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"Id\" FROM cases WHERE \"Status\" = 'requested' AND \"Type\" <> 'complaint' ORDER BY \"Id\"";
        var ids = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetInt64(0));
        return ids;
    }

    private static async Task InsertTimersAsync(DbConnection c, IEnumerable<(long CaseId, DateTimeOffset Due)> rows)
    {
        if (c is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync("COPY case_timers (\"CaseId\", \"Step\", \"DueAt\") FROM STDIN (FORMAT BINARY)");
            foreach (var (id, due) in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Step, NpgsqlDbType.Varchar);
                await copy.WriteAsync(due.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
            return;
        }
        await using var tx = await c.BeginTransactionAsync();
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO case_timers (\"CaseId\", \"Step\", \"DueAt\") VALUES (@c, @s, @d)";
        var pc = cmd.CreateParameter(); pc.ParameterName = "c"; cmd.Parameters.Add(pc);
        var ps = cmd.CreateParameter(); ps.ParameterName = "s"; ps.Value = Step; cmd.Parameters.Add(ps);
        var pd = cmd.CreateParameter(); pd.ParameterName = "d"; cmd.Parameters.Add(pd);
        await cmd.PrepareAsync();
        foreach (var (id, due) in rows)
        {
            pc.Value = id;
            pd.Value = SqliteTime(due);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>EF's DateTimeOffsetToBinaryConverter, as the service stores times on SQLite (UTC: offset bits 0).</summary>
    private static long SqliteTime(DateTimeOffset t) => (t.UtcTicks / 1000) << 11;

    private static void AddTime(DbCommand cmd, string name, DateTimeOffset t, bool pg)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = pg ? t.UtcDateTime : SqliteTime(t);
        cmd.Parameters.Add(p);
    }

    private static DateTimeOffset ReadTime(DbDataReader r, int i, bool pg)
    {
        if (pg) return new DateTimeOffset(r.GetFieldValue<DateTime>(i), TimeSpan.Zero);
        var v = r.GetInt64(i);
        var offset = (short)((v & 0x7FF) << 5) >> 5; // 11-bit signed minutes
        return new DateTimeOffset((v >> 11) * 1000, TimeSpan.FromMinutes(offset));
    }

    private static double Median(List<double> v) => new Stats(v).Percentile(50);

    private static async Task Exec(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }
}
