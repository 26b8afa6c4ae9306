using System.Diagnostics;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// Issue 13: a fuzz suite generated from the service's own OpenAPI document. Every operation (path × method) gets
/// requests whose parameters and bodies are generated per schema with CsCheck and then mutated (wrong types,
/// missing and unknown fields, boundary numbers, huge and hostile Unicode text, deep nesting, broken JSON, wrong
/// media types, bogus If-Match and Idempotency-Key), sent as every role, anonymous and with a bogus bearer, over the
/// demo data so that real ids take part of them past 404. Every answer must be below 500, an error must be
/// problem+json with a code, no answer may name .NET internals, and a refused request must write nothing.
/// <para>
/// Why "nothing written" is sound although valid requests succeed in the same run: requests run in order, and only
/// safe methods (GET) run several at once. An unsafe request runs alone, between two row counts of every table, so
/// a difference is its own; a batch of GETs runs between two counts too, and must write nothing at all, whatever
/// it answers. The service's background workers are off (timers, SLA recompute, webhooks, the demo payment stand-in),
/// so nothing else writes meanwhile.
/// </para>
/// </summary>
public abstract class FuzzTests(AfterSalesApp app) : FreshAppTests(app)
{
    /// <summary>The demo data (cases in every state, a person of every role) on the manual clock, and nothing that writes on its own.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["AfterSales:Demo:Seed"] = "true",
        ["AfterSales:Demo:SettleRefundsAfterSeconds"] = "0",
        ["AfterSales:Clock:Manual"] = "true",
        ["AfterSales:Timers:Enabled"] = "false",
        ["AfterSales:Sla:Enabled"] = "false",
        ["AfterSales:Webhooks:Enabled"] = "false",
        // Rate limits stay relaxed as for every test app (AfterSalesApp): the run counts its 429s and fails above 5 %.
    };

    private const int Parallel = 8;
    private const int ShownFailures = 25;

    [Fact]
    public async Task EveryOperation_FuzzedPerSchema_NeverAnswers5xx_ErrorsAreProblems_NoLeaks_RefusalsWriteNothing()
    {
        var settings = FuzzSettings.FromEnvironment();
        var world = await FuzzWorld.BuildAsync(App);
        var gen = new RequestGen(world, new SchemaGen(world, await Api.ClockNowAsync())).Any();
        await using var writes = await WriteCheck.CreateAsync(App);
        var clients = FuzzWorld.Principals.ToDictionary(p => p, p => world.ClientFor(App, p));
        var stats = new FuzzStats(world.Api.Operations);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        async Task<FuzzResponse?> SendAsync(FuzzRequest request)
        {
            FuzzResponse? response = null;
            List<string> faults;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var message = request.ToMessage();
                using var answer = await clients[request.Principal].SendAsync(message, TestContext.Current.CancellationToken);
                response = await FuzzResponse.ReadAsync(answer, TestContext.Current.CancellationToken);
                faults = ResponseChecks.Faults(response);
            }
            catch (Exception e) when (e is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // In the test host an exception the service does not handle reaches the client: a 500 on a real server.
                faults = [$"the service threw {e.GetType().Name}: {e.Message.Shorten(300)}"];
            }
            stats.Add(request, response?.Status ?? -1, Stopwatch.GetElapsedTime(started));
            if (settings.OneRequest is not null)
                TestContext.Current.TestOutputHelper?.WriteLine($"{request.Describe()}\n  answer: {response?.Status} {response?.MediaType} {response?.Text.Shorten(2_000)}");
            if (faults.Count > 0)
                lock (failures) failures.Add($"{string.Join("; ", faults)}\n  {request.Describe()}\n  answer: {response?.Text.Shorten(500)}");
            return response;
        }

        var pending = new List<FuzzRequest>();
        var counts = await writes.TakeAsync();
        async Task FlushSafeAsync()
        {
            if (pending.Count == 0) return;
            var answers = await Task.WhenAll(pending.Select(SendAsync));
            var after = await writes.TakeAsync();
            if (writes.Changed(counts, after, pending.Zip(answers, (r, a) => (r, a?.Status ?? -1))) is { Count: > 0 } changed)
                failures.Add($"a batch of safe requests wrote {string.Join(", ", changed)}; one of:\n  " + string.Join("\n  ", pending.Select(r => r.Describe())));
            counts = after;
            pending.Clear();
        }

        foreach (var request in settings.Requests(gen))
        {
            if (request.Operation.IsSafe)
            {
                pending.Add(request);
                if (pending.Count == Parallel) await FlushSafeAsync();
                continue;
            }
            await FlushSafeAsync();
            var response = await SendAsync(request);
            var after = await writes.TakeAsync();
            if (response is { Status: >= 400 } && writes.Changed(counts, after, [(request, response.Status)]) is { Count: > 0 } changed)
                failures.Add($"a refused request ({response.Status}) wrote {string.Join(", ", changed)}\n  {request.Describe()}\n  answer: {response.Text.Shorten(300)}");
            counts = after;
        }
        await FlushSafeAsync();

        var summary = stats.Summary(App.Engine, clock.Elapsed, settings);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.TestOutputHelper?.WriteLine($"row counts: {writes.Spent.TotalSeconds:F0} s; slowest operations: {stats.Slowest()}");
        Assert.True(failures.Count == 0, $"{summary}\n{failures.Count} failures (first {ShownFailures}):\n" + string.Join("\n", failures.Take(ShownFailures)));
        if (settings.OneRequest is not null) return;
        Assert.True(stats.Covered == world.Api.Operations.Count, summary);
        Assert.True(!stats.NeverReached.Any(), "Operations no request got past authentication: " + string.Join(", ", stats.NeverReached) + "\n" + summary);
        Assert.True(stats.RateLimited * 20 < stats.Sent, "More than 5 % of the requests were rate limited: " + summary);
    }
}

public sealed class FuzzTests_Sqlite() : FuzzTests(new SqliteApp { Settings = Settings() });

public sealed class FuzzTests_Postgres() : FuzzTests(new PostgresApp { Settings = Settings() });
