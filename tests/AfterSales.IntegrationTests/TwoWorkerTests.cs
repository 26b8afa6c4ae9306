using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>
/// PostgreSQL only (issue 3, scope 3): several service nodes run the due steps at once, claiming rows with
/// <c>FOR UPDATE SKIP LOCKED</c>; every step still runs exactly once. Two instances share one database; the
/// cases are opened by the fixture's instance, whose clock stands still, so all of them come due at one instant.
/// </summary>
public sealed class TwoWorkerTests_Postgres() : FreshAppTests(new PostgresApp { Settings = ClockSettings.Manual() })
{
    private const int CaseCount = 200;

    /// <summary>Small claims, so that the two nodes take turns many times within one catch-up.</summary>
    private const int BatchSize = 10;

    private async Task<List<string>> OpenDueTogetherAsync(DateTimeOffset now)
    {
        var caseNos = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, CaseCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            var orderNo = await Api.CreateOrderAsync(now: now);
            caseNos.Add((await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>());
        });
        return [.. caseNos];
    }

    private sealed record CaseRow(string CaseNo, CaseStatus Status, int Agreed, int AgreedBySystem, int Timers);

    private Task<List<CaseRow>> RowsAsync(List<string> caseNos) => App.QueryAsync(db => db.Cases
        .Where(c => caseNos.Contains(c.CaseNo))
        .Select(c => new CaseRow(c.CaseNo, c.Status,
            c.Timeline.Count(e => e.Type == "agreed"), c.Timeline.Count(e => e.Type == "agreed" && e.ActorId == "system"), c.Timers.Count))
        .ToListAsync());

    private async Task AssertEachAgreedOnceAsync(List<string> caseNos)
    {
        var rows = await RowsAsync(caseNos);
        Assert.Equal(CaseCount, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(CaseStatus.AwaitingReturn, r.Status);
            Assert.Equal(1, r.Agreed);
            Assert.Equal(1, r.AgreedBySystem);
            Assert.Equal(1, r.Timers);
        });
        var next = await App.QueryAsync(db => db.Timers.Where(t => t.Step == Case.AutoAgree).CountAsync());
        Assert.Equal(0, next);
    }

    [Fact]
    public async Task TwoNodesAdvancingAtOnce_RunEveryDueStepOnce_AndTheirCountsAddUp()
    {
        var start = await Api.ClockNowAsync();
        var caseNos = await OpenDueTogetherAsync(start);
        await using var a = App.StartNode(ClockSettings.Manual(start, batchSize: BatchSize));
        await using var b = App.StartNode(ClockSettings.Manual(start, batchSize: BatchSize));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> AdvanceAsync(Api api)
        {
            await gate.Task;
            return await api.AdvanceAsync(TimeSpan.FromHours(48));
        }
        var runs = new[] { AdvanceAsync(a.Api), AdvanceAsync(b.Api) };
        gate.SetResult();
        var stepsRun = await Task.WhenAll(runs);

        Assert.True(stepsRun.Sum() == CaseCount, $"steps run by the two nodes: {stepsRun[0]} + {stepsRun[1]}, expected {CaseCount} in all");
        await AssertEachAgreedOnceAsync(caseNos);
        Assert.Equal(0, await a.Api.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal(0, await b.Api.AdvanceAsync(TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task TwoNodesStartingAfterTheDueTime_TheirWorkersRunEveryDueStepOnce()
    {
        var start = await Api.ClockNowAsync();
        var caseNos = await OpenDueTogetherAsync(start);

        var settings = ClockSettings.Manual(start.AddHours(49), worker: true, batchSize: BatchSize);
        var nodes = await Task.WhenAll(Task.Run(() => App.StartNode(settings)), Task.Run(() => App.StartNode(settings)));
        try
        {
            await Eventually.UntilAsync(() => RowsAsync(caseNos), rows => rows.All(r => r.Status == CaseStatus.AwaitingReturn),
                rows => $"{rows.Count(r => r.Status != CaseStatus.AwaitingReturn)} of {rows.Count} cases not yet agreed");
            await AssertEachAgreedOnceAsync(caseNos);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
