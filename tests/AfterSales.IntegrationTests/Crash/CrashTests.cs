using System.Globalization;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>
/// Issue 13: kill -9 of the service under create, action and refund load, several rounds on one database, on both
/// engines. After each restart every answered request's effect is there, every request is retried with its key and
/// body and gets its first answer back (or, if the crash cut it off, takes effect then, once), nothing is done twice,
/// no refund is paid twice, and the timers and webhook deliveries the dead processes left behind resume.
/// The run is shaped by a seed (printed; set <c>AFTERSALES_CRASH_SEED</c> to replay a shape).
/// </summary>
public abstract class CrashTests(AfterSalesApp app) : FreshAppTests(app)
{
    private const int Rounds = 3;
    private const int Clients = 6;
    private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>
    /// The in-process fixture only creates the database and reads it: its own workers stay off, so that every timer
    /// and every delivery is the work of the nodes under test (the killed processes, the node restarted after them).
    /// </summary>
    protected static Dictionary<string, string?> FixtureSettings() => new(ClockSettings.Manual())
    {
        ["AfterSales:Webhooks:Enabled"] = "false",
    };

    /// <summary>
    /// The restart after the last kill: an in-process node (<see cref="AfterSalesApp.StartNode"/>) on the same database
    /// with the same settings as the processes, which starts faster than another process on a busy machine.
    /// </summary>
    private static Dictionary<string, string?> RestartSettings(DateTimeOffset clock) => new(ClockSettings.Manual(clock, worker: true))
    {
        ["AfterSales:Webhooks:Enabled"] = "true",
        ["AfterSales:Webhooks:PollSeconds"] = "0.1",
        ["AfterSales:Webhooks:AllowPrivateAddresses"] = "true",
    };

    [Fact]
    public async Task KilledUnderLoad_AfterEachRestart_AnswersSurvive_RetriesReplayThem_NothingTwice_TimersAndWebhooksResume()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("AFTERSALES_CRASH_SEED"), CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();
        Log($"{App.Engine}: seed {seed}");
        var random = new Random(seed);
        var violations = new Violations();
        var journal = new List<SentRequest>();
        // The clock stands still across restarts: a claim a dead process left must be released at once on restart,
        // not after some minutes of service time.
        var start = await Api.ClockNowAsync();
        await using var receiver = await WebhookReceiver.StartAsync();

        var victim = await ServiceProcess.StartAsync(App, start);
        ServiceNode? last = null;
        Log("service process started");
        try
        {
            var hook = await victim.Api.PostAsync("/api/v1/webhooks", new JsonObject
            {
                ["url"] = receiver.BaseUrl + "/hooks", ["events"] = new JsonArray("*"), ["secret"] = "whsec-crash-0123456789abcdef",
            });
            Assert.True(hook.StatusCode == 201, hook.ToString());

            for (var round = 1; round <= Rounds; round++)
            {
                var killAfter = random.Next(30, 91);
                var sent = await CrashLoad.RunUntilKilledAsync(victim, round, seed, Clients, killAfter, start);
                journal.AddRange(sent);
                foreach (var refused in sent.Where(r => r.Answer is { StatusCode: < 200 or >= 300 }))
                    violations.Add($"refused under load ({refused.Answer!.StatusCode} {refused.Answer.Code})",
                        $"round {round}: a valid request was refused before the crash: {refused.Describe()}\n    answer: {refused.Answer}");
                var answered = sent.Count(r => r.AnsweredUnderLoad);
                await victim.DisposeAsync();
                var undelivered = await UndeliveredAsync(receiver);
                Log($"round {round}: killed with SIGKILL after {killAfter} answers, {undelivered} committed events not yet delivered");

                HttpClient restarted;
                if (round < Rounds)
                {
                    victim = await ServiceProcess.StartAsync(App, start);
                    restarted = victim.Http;
                }
                else
                {
                    last = App.StartNode(RestartSettings(start));
                    restarted = last.Api.Http;
                }
                Log($"round {round}: restarted");
                var tally = await RetryPass.RunAsync(restarted, sent, $"round {round} restart", violations);
                var before = violations.Count;
                (await StoredState.ReadAsync(App)).Check(journal, $"round {round} restart", violations);
                Log($"round {round}: {sent.Count} requests sent, {answered} answered, {sent.Count - answered} cut off by the kill; {tally}; " +
                    $"{violations.Count - before} state violations; {journal.Count(r => r.Step == Step.OpenCase)} case requests so far");
            }

            // Past the minutes after which today's code gives up a claim: a retry must still find the first answer.
            var node = last!.Api;
            await node.AdvanceAsync(TimeSpan.FromMinutes(3));
            var late = await RetryPass.RunAsync(node.Http, journal, "all rounds, 3 minutes later", violations);
            var stored = await StoredState.ReadAsync(App);
            stored.Check(journal, "all rounds, 3 minutes later", violations);
            Log($"all {Rounds} rounds retried again 3 minutes later: {late}; {stored.Cases.Count} cases, " +
                $"{stored.Cases.GroupBy(c => (c.OrderNo, c.Type)).Count(g => g.Count() > 1)} duplicated");

            await TimersResumeAsync(node, stored, violations);
            await DeliveriesResumeAsync(receiver, violations);
        }
        catch (Exception e)
        {
            // Whatever stopped the run, the breaches found until then are part of the evidence.
            throw new InvalidOperationException(violations.Report($"{App.Engine}, seed {seed}: the run stopped: {e.Message}") +
                $"\nlast service process output:\n{victim.RecentOutput}", e);
        }
        finally
        {
            await victim.DisposeAsync();
            if (last is not null) await last.DisposeAsync();
        }
        Assert.True(violations.Count == 0, violations.Report($"{App.Engine}, seed {seed}: {violations.Count} breaches of the crash contract"));
    }

    /// <summary>
    /// Every case the killed processes left requested has its automatic agreement due 48 h later; moving the clock
    /// past it on the restarted service runs it, exactly once per case.
    /// </summary>
    private async Task TimersResumeAsync(Api node, StoredState stored, Violations violations)
    {
        var waiting = stored.Cases.Where(c => c.Status == CaseStatus.Requested).Select(c => c.Id).ToList();
        Assert.NotEmpty(waiting);
        await node.AdvanceAsync(TimeSpan.FromHours(49));
        var ct = TestContext.Current.CancellationToken;
        await Eventually.UntilAsync(
            () => App.QueryAsync(db => db.Cases.CountAsync(c => waiting.Contains(c.Id) && c.Status == CaseStatus.Requested, ct)),
            n => n == 0, n => $"{n} of {waiting.Count} requested cases still wait for their automatic agreement", TimeSpan.FromSeconds(120));
        var after = await StoredState.ReadAsync(App);
        foreach (var id in waiting)
        {
            var agreed = after.EventCount(id, "agreed");
            if (agreed != 1)
                violations.Add("timer not run exactly once", $"after restart: case {after.Cases.Single(c => c.Id == id).CaseNo} has {agreed} 'agreed' events");
        }
        Log($"timers: {waiting.Count} cases left requested by the killed processes were agreed automatically after the restart");
    }

    /// <summary>Committed events (the outbox) the receiver has not had yet: what the next node must deliver.</summary>
    private async Task<int> UndeliveredAsync(WebhookReceiver receiver)
    {
        var ct = TestContext.Current.CancellationToken;
        var events = await App.QueryAsync(db => db.Outbox.AsNoTracking().Select(m => m.Id).ToListAsync(ct));
        var delivered = receiver.Received.Where(h => h.Answered == 200).Select(h => h.EventId).ToHashSet();
        return events.Count(id => !delivered.Contains(id.ToString()));
    }

    /// <summary>
    /// Every event the killed processes committed (the outbox) reaches the receiver at least once after the restart,
    /// under its own id, so that the receiver can drop the duplicates a crash between sending and recording causes.
    /// </summary>
    private async Task DeliveriesResumeAsync(WebhookReceiver receiver, Violations violations)
    {
        var ct = TestContext.Current.CancellationToken;
        var events = await App.QueryAsync(db => db.Outbox.AsNoTracking().Select(m => m.Id).ToListAsync(ct));
        var expected = events.Select(id => id.ToString()).ToHashSet();
        var received = await Eventually.UntilAsync(() => Task.FromResult(receiver.Received),
            got => expected.IsSubsetOf(got.Where(h => h.Answered == 200).Select(h => h.EventId!)),
            got => $"{expected.Except(got.Select(h => h.EventId!)).Count()} of {expected.Count} committed events never delivered",
            TimeSpan.FromSeconds(120));
        foreach (var h in received.Where(h => h.EventId != h.Json["id"]?.GetValue<string>() || !expected.Contains(h.EventId!)))
            violations.Add("delivery of an event that was never committed, or under another id", $"delivery {h.EventId}: {h.Body}");
        Log($"webhooks: {expected.Count} committed events all delivered; {received.Count} deliveries " +
            $"({received.Count - received.Select(h => h.EventId).Distinct().Count()} repeats a receiver drops by id)");
    }

    private void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"[{_elapsed.Elapsed.TotalSeconds,5:0.0}s] {line}");
}

public sealed class CrashTests_Sqlite() : CrashTests(new SqliteApp { Settings = FixtureSettings() });

public sealed class CrashTests_Postgres() : CrashTests(new PostgresApp { Settings = FixtureSettings() });
