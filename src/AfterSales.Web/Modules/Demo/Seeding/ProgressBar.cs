using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// Rows done, %, rate and ETA on one line. On a terminal the line is redrawn in place; when the output is a
/// file or a pipe (CI, the benchmarks) a plain line is printed every few seconds instead, so logs stay readable.
/// </summary>
internal sealed class ProgressBar(string label, long total, TextWriter output, bool interactive)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastPrint;
    private long _lastDone = -1;

    public static ProgressBar ForConsole(string label, long total) =>
        new(label, total, Console.Out, !Console.IsOutputRedirected);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <param name="done">Units of <c>total</c> done (they drive % and ETA).</param>
    /// <param name="rows">Rows written so far, all tables (they drive the rate).</param>
    /// <param name="final">Print now, whatever the time since the last line, and end the line.</param>
    public void Report(long done, long rows, bool final = false)
    {
        var now = _clock.Elapsed;
        var every = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (!final && _lastPrint is { } last && now - last < every) return;
        // A plain log already has the line for the final count.
        if (final && !interactive && done == _lastDone) return;
        _lastDone = done;
        _lastPrint = now;
        var line = Format(done, rows, now);
        if (interactive) output.Write("\r" + line.PadRight(Math.Max(0, SafeWidth() - 1)) + (final ? "\n" : ""));
        else output.WriteLine(line);
        output.Flush();
    }

    public string Format(long done, long rows, TimeSpan elapsed)
    {
        var share = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        const int width = 24;
        var filled = (int)Math.Round(share * width);
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var eta = share > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - share) / share) : (TimeSpan?)null;
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"{label} [{new string('#', filled)}{new string('.', width - filled)}] {share * 100,5:0.0}%  {done:N0}/{total:N0}  rows {rows:N0}  {rate:N0} rows/s  elapsed {Clock(elapsed)}  ETA {(eta is { } e ? Clock(e) : "?")}");
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static int SafeWidth()
    {
        try { return Console.WindowWidth; }
        catch (IOException) { return 120; }
    }
}
