using static AfterSales.UnitTests.Calendars.Calendars;

namespace AfterSales.UnitTests.Calendars;

/// <summary>
/// Europe/Berlin in 2026 springs forward on Sunday 29 March (02:00 CET → 03:00 CEST) and falls back on Sunday
/// 25 October (03:00 CEST → 02:00 CET). Business time is real elapsed time: a local time the clocks skip counts from
/// the end of the gap, a local time that occurs twice is its first occurrence.
/// </summary>
public sealed class DaylightSavingTests
{
    private static Dictionary<string, List<List<string>>> EveryDay(string start, string end) => new()
    {
        ["mon"] = [[start, end]], ["tue"] = [[start, end]], ["wed"] = [[start, end]], ["thu"] = [[start, end]],
        ["fri"] = [[start, end]], ["sat"] = [[start, end]], ["sun"] = [[start, end]],
    };

    [Theory]
    // Sunday 01:00–04:00 across spring-forward is 2 real hours, across fall-back 4.
    [InlineData("2026-03-29T00:00:00+01:00", "2026-03-29T12:00:00+02:00", 120)]
    [InlineData("2026-10-25T00:00:00+02:00", "2026-10-25T12:00:00+01:00", 240)]
    [InlineData("2026-03-22T00:00:00+01:00", "2026-03-22T12:00:00+01:00", 180)]
    public void Elapsed_OverTheChange_IsRealTime(string from, string to, double minutes) =>
        Assert.Equal(minutes, Berlin.Elapsed(At(from), At(to)).TotalMinutes);

    [Theory]
    [InlineData("2026-03-29T01:00:00+01:00", 120, "2026-03-29T04:00:00+02:00")]
    [InlineData("2026-03-29T01:30:00+01:00", 60, "2026-03-29T03:30:00+02:00")]
    // Saturday's last hour, then Sunday from 01:00: one more hour ends at 02:00 CET, which is 03:00 CEST.
    [InlineData("2026-03-28T23:00:00+01:00", 120, "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-10-25T01:00:00+02:00", 240, "2026-10-25T04:00:00+01:00")]
    [InlineData("2026-10-25T01:00:00+02:00", 90, "2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T01:00:00+02:00", 150, "2026-10-25T02:30:00+01:00")]
    // Sunday's evening hours are 20:00–24:00 whatever the offset.
    [InlineData("2026-10-25T03:59:00+01:00", 5, "2026-10-25T20:04:00+01:00")]
    public void Due_OverTheChange(string from, int minutes, string due) =>
        Assert.Equal(At(due), Berlin.Due(At(from), TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void AnIntervalStartingInTheGap_StartsWhenTheClocksResume()
    {
        var c = Make("gap", "Europe/Berlin", EveryDay("02:30", "05:00"));
        Assert.Equal(120, c.Elapsed(At("2026-03-29T00:00:00+01:00"), At("2026-03-29T12:00:00+02:00")).TotalMinutes);
        Assert.Equal(At("2026-03-29T03:01:00+02:00"), c.Due(At("2026-03-28T23:00:00+01:00"), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void AnAmbiguousTime_IsItsFirstOccurrence()
    {
        var first = Make("amb", "Europe/Berlin", EveryDay("02:00", "02:30"));
        Assert.Equal(30, first.Elapsed(At("2026-10-25T00:00:00+02:00"), At("2026-10-25T12:00:00+01:00")).TotalMinutes);
        var toThree = Make("amb3", "Europe/Berlin", EveryDay("02:30", "03:00"));
        Assert.Equal(90, toThree.Elapsed(At("2026-10-25T00:00:00+02:00"), At("2026-10-25T12:00:00+01:00")).TotalMinutes);
    }

    [Theory]
    [InlineData("2026-03-08", 23 * 60)]
    [InlineData("2026-11-01", 25 * 60)]
    [InlineData("2026-11-02", 24 * 60)]
    public void AWholeDay_InNewYork_LastsAsLongAsItReallyDoes(string date, double minutes)
    {
        var c = Make("ny", "America/New_York", EveryDay("00:00", "24:00"));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var start = TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(d.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        Assert.Equal(minutes, c.Elapsed(new DateTimeOffset(start), new DateTimeOffset(end)).TotalMinutes);
        Assert.Equal(1, c.IntervalCount);
    }
}
