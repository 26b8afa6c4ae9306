using System.Diagnostics;
using System.Globalization;
using AfterSales.Web.Modules.ServiceStandards.Calendars;

namespace AfterSales.Bench;

/// <summary>
/// Issue 4: <c>Due</c> on the shipped <c>cn</c> calendar, in process, one thread. Targets log-uniform from 1 minute
/// to 30 days of business time, from-instants uniform over 2025–2026 (to the second). Beside it, in the same run and
/// on the same pairs, two baselines: (A) a naive day-stepping Due — walk the local days from <c>from</c>, convert each
/// interval of each day to UTC with TimeZoneInfo, consume until the target is reached (what a calendar that is not
/// compiled does); (B) a loop that only calls <c>TimeZoneInfo.ConvertTime</c> once per pair (the cost of one zone
/// conversion, a floor for anything that converts at all). Methods alternate round by round, so that load from
/// other sessions on the machine hits them alike; the median round is reported.
/// </summary>
public static class DueBench
{
    private const int Pairs = 1 << 20;
    private static readonly DateTimeOffset First = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static int Run(BenchOptions o)
    {
        var compileWatch = Stopwatch.StartNew();
        var cn = CalendarSource.Compile(ShippedCalendars.Fresh(ShippedCalendars.Cn));
        compileWatch.Stop();
        Console.WriteLine($"compiled cn: {cn.IntervalCount:N0} working intervals 2000–2100 in {compileWatch.Elapsed.TotalMilliseconds:F0} ms");
        var (froms, targets) = Workload();
        Check(cn, froms, targets);

        var roundSeconds = Math.Max(0.5, o.Seconds / Math.Max(1, o.Rounds));
        var compiled = new List<double>();
        var naive = new List<double>();
        var convert = new List<double>();
        for (var round = 0; round < o.Rounds; round++)
        {
            compiled.Add(Measure(roundSeconds, i => cn.Due(froms[i], targets[i]).UtcTicks));
            naive.Add(Measure(roundSeconds, i => NaiveDue(cn.Definition, froms[i], targets[i]).UtcTicks));
            convert.Add(Measure(roundSeconds, i => TimeZoneInfo.ConvertTime(froms[i], cn.Zone).Ticks));
            Console.WriteLine(FormattableString.Invariant(
                $"round {round + 1}/{o.Rounds}: compiled {compiled[^1]:N0}/s, naive day-stepping {naive[^1]:N0}/s, ConvertTime {convert[^1]:N0}/s"));
        }
        var (c, n, z) = (Median(compiled), Median(naive), Median(convert));
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT due cn: {c:N0} Due/s (goal >= 1,000,000), baseline A naive day-stepping {n:N0}/s, ratio {c / n:F1}x; baseline B TimeZoneInfo.ConvertTime {z:N0}/s, ratio {c / z:F2}x; {o.Rounds} rounds x {roundSeconds:F1} s each, medians, 1 thread"));
        Console.WriteLine($"allocated per Due: {AllocatedPerDue(cn, froms, targets):F3} bytes");
        return c >= 1_000_000 ? 0 : 1;
    }

    private static (DateTimeOffset[] Froms, TimeSpan[] Targets) Workload()
    {
        var random = new Random(4);
        var seconds = (int)(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) - First).TotalSeconds;
        var froms = new DateTimeOffset[Pairs];
        var targets = new TimeSpan[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            froms[i] = First.AddSeconds(random.Next(seconds));
            targets[i] = TimeSpan.FromMinutes(Math.Round(Math.Exp(random.NextDouble() * Math.Log(30 * 24 * 60))));
        }
        return (froms, targets);
    }

    /// <summary>The baseline must give the same answers, or the comparison means nothing.</summary>
    private static void Check(CompiledCalendar cn, DateTimeOffset[] froms, TimeSpan[] targets)
    {
        for (var i = 0; i < 20_000; i++)
            if (cn.Due(froms[i], targets[i]) != NaiveDue(cn.Definition, froms[i], targets[i]))
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Due({froms[i]:O}, {targets[i]}) differs from the naive baseline"));
        Console.WriteLine("checked: compiled and naive agree on 20,000 pairs");
    }

    private static double Measure(double seconds, Func<int, long> due)
    {
        long sink = 0, count = 0;
        var watch = Stopwatch.StartNew();
        var limit = (long)(seconds * Stopwatch.Frequency);
        while (watch.ElapsedTicks < limit)
        {
            // Batches of 1,024 between clock reads, so the clock costs nothing measurable.
            var start = (int)(count & (Pairs - 1));
            for (var i = start; i < start + 1024; i++) sink += due(i);
            count += 1024;
        }
        GC.KeepAlive(sink);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static double AllocatedPerDue(CompiledCalendar cn, DateTimeOffset[] froms, TimeSpan[] targets)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        long sink = 0;
        for (var i = 0; i < Pairs; i++) sink += cn.Due(froms[i], targets[i]).UtcTicks;
        GC.KeepAlive(sink);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Pairs;
    }

    /// <summary>Baseline A: day by day from the local date of <paramref name="from"/>, converting each interval to UTC.</summary>
    private static DateTimeOffset NaiveDue(ValidCalendar c, DateTimeOffset from, TimeSpan business)
    {
        var t = from.UtcTicks;
        var left = business.Ticks;
        if (left == 0) return from;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, c.Zone).DateTime);
        for (var guard = 0; guard < 3700; guard++, date = date.AddDays(1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var iv in c.HoursOn(date))
            {
                var s = CalendarCompiler.ToUtcTicks(midnight.AddMinutes(iv.Start), c.Zone);
                var e = CalendarCompiler.ToUtcTicks(midnight.AddMinutes(iv.End), c.Zone);
                if (e <= t) continue;
                s = Math.Max(s, t);
                if (e - s >= left) return new DateTimeOffset(s + left, TimeSpan.Zero);
                left -= e - s;
                t = e;
            }
        }
        throw new InvalidOperationException("no working time within ten years");
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
