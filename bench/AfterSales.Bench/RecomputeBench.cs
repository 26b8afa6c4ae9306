using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static AfterSales.Bench.Text;

namespace AfterSales.Bench;

/// <summary>
/// Issue 4, point 5b: the time to recompute the SLA clocks of every open case after a calendar change. The seed
/// writes cases whose clocks have no targets yet; a first recompute (a PUT of the default SLA policy) gives them
/// targets and timers, then the measured one: a PUT of the <c>cn</c> calendar with one more holiday, timed from the
/// PUT to the job's <c>done</c>. Baseline from the same run: one SQL UPDATE that rewrites the same clock rows
/// (the raw write cost of touching them, without reading cases or computing anything).
/// </summary>
public static class RecomputeBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        Console.WriteLine(F($"== recompute: {o.Provider}, {o.Cases:N0} cases ({o.OpenShare:P0} open)"));
        var db = await BenchDatabase.CreateAsync(o, "bench_recompute");
        try
        {
            if (!db.Existed) await db.SeedAsync(o.Orders, o.Cases, o.OpenShare, "RC");
            var open = await db.CountAsync("SELECT COUNT(*) FROM cases WHERE \"Status\" NOT IN ('closed', 'cancelled')");
            var clocks = await db.CountAsync("SELECT COUNT(*) FROM sla_clocks k JOIN cases c ON c.\"Id\" = k.\"CaseId\" WHERE c.\"Status\" NOT IN ('closed', 'cancelled')");
            Console.WriteLine(F($"  database: {open:N0} open cases, {clocks:N0} of their SLA clocks"));
            using var http = Http.Client(1);
            await using var service = await ServiceProcess.StartAsync(o, db, http);
            var api = service.BaseAddress;

            var policy = (await http.GetFromJsonAsync<JsonObject>(new Uri(api, "/api/v1/sla-policies/default")))!;
            var first = await TimeJobAsync(http, api, () => http.PutAsJsonAsync(new Uri(api, "/api/v1/sla-policies/default"), policy), "policy");
            Console.WriteLine(F($"RESULT recompute[{db.Provider}]: first recompute (targets set, timers planned) of {first.Total:N0} open cases: {first.Seconds:0.0} s ({first.Total / first.Seconds:N0} cases/s)"));

            var calendar = (await http.GetFromJsonAsync<JsonObject>(new Uri(api, "/api/v1/calendars/cn")))!;
            calendar["holidays"]!.AsArray().Add("2026-12-31");
            var change = await TimeJobAsync(http, api, () => http.PutAsJsonAsync(new Uri(api, "/api/v1/calendars/cn"), calendar), "calendar");

            var raw = Stopwatch.StartNew();
            await using (var connection = await db.OpenAsync())
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "UPDATE sla_clocks SET \"WarnAt\" = \"WarnAt\", \"DueAt\" = \"DueAt\" WHERE \"CaseId\" IN (SELECT \"Id\" FROM cases WHERE \"Status\" NOT IN ('closed', 'cancelled'))";
                command.CommandTimeout = 600;
                await command.ExecuteNonQueryAsync();
            }
            raw.Stop();
            Console.WriteLine(F($"RESULT recompute[{db.Provider}]: after a calendar change, {change.Total:N0} open cases recomputed in {change.Seconds:0.0} s ({change.Total / change.Seconds:N0} cases/s), from the PUT to the job done"));
            Console.WriteLine(F($"RESULT recompute[{db.Provider}]: baseline one UPDATE of the same {clocks:N0} clock rows: {raw.Elapsed.TotalSeconds:0.00} s; ratio {change.Seconds / raw.Elapsed.TotalSeconds:0.0}x"));
            return 0;
        }
        finally
        {
            if (!o.Keep && !o.Reuse) await db.DropAsync();
        }
    }

    private static async Task<(double Seconds, long Total)> TimeJobAsync(HttpClient http, Uri api, Func<Task<HttpResponseMessage>> change, string what)
    {
        var clock = Stopwatch.StartNew();
        var response = await change();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{what} PUT: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var lastPrint = TimeSpan.Zero;
        while (true)
        {
            var jobs = (await http.GetFromJsonAsync<JsonObject>(new Uri(api, "/api/v1/sla-recomputes")))!["items"]!.AsArray();
            var job = jobs[0]!;
            if (job["status"]!.GetValue<string>() == "done")
                return (clock.Elapsed.TotalSeconds, job["total"]!.GetValue<long>());
            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(5))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine(F($"  {what}: {job["status"]} {job["processed"]}/{job["total"]} after {clock.Elapsed.TotalSeconds:0} s"));
            }
            await Task.Delay(100);
        }
    }
}
