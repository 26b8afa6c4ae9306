using System.Diagnostics;

namespace AfterSales.Bench;

/// <summary>What a soak request was, for the per-endpoint table and the mix.</summary>
public enum SoakOp : byte
{
    PutOrder, Eligibility, OpenCase, OpenCaseReplay, ListQueue, ListPage2, Search, GetCase, GetActions, Timeline,
    PostMessage, ListMessages, Agree, ShipReturn, ConfirmReceipt, Inspect, RefundResult, RefundResultRepeat, Close, Cancel,
    Dashboard,
}

/// <summary>How a request ended: the status it had to have; another 4xx (or 1xx–3xx); a 5xx; no HTTP answer at all.</summary>
public enum SoakOutcome : byte { Ok, Unexpected, ServerError, Transport }

/// <summary>One finished request: when it finished (seconds into the run), how long it took, what it was, how it ended.</summary>
public readonly record struct SoakSample(float At, float Ms, SoakOp Op, SoakOutcome Outcome);

/// <summary>
/// Every request of the run in the order they finished; the sampler notes how many there were at each tick, so that a
/// window is a slice of this list. 20 minutes at 150/s is 180,000 samples of 12 bytes: kept whole, no reservoir.
/// </summary>
public sealed class SoakRecorder
{
    private readonly Lock _gate = new();
    private readonly List<SoakSample> _samples = new(200_000);
    private readonly Stopwatch _clock;
    private int _printed;

    public SoakRecorder(Stopwatch clock) => _clock = clock;

    public void Add(double ms, SoakOp op, SoakOutcome outcome, string? detail)
    {
        var sample = new SoakSample((float)_clock.Elapsed.TotalSeconds, (float)ms, op, outcome);
        lock (_gate) _samples.Add(sample);
        // The first few errors are shown in full: a soak that fails must say why without a re-run.
        if (outcome != SoakOutcome.Ok && Interlocked.Increment(ref _printed) <= 10)
            Console.WriteLine(Text.F($"  ERROR {op} at {sample.At:0.0} s: {outcome} {detail}"));
    }

    public int Count
    {
        get
        {
            lock (_gate) return _samples.Count;
        }
    }

    public SoakSample[] Slice(int from, int to)
    {
        lock (_gate) return _samples.GetRange(from, to - from).ToArray();
    }

    public SoakSample[] All()
    {
        lock (_gate) return [.. _samples];
    }
}
