using AfterSales.Web.Modules.ServiceStandards.Calendars;

namespace AfterSales.UnitTests.Calendars;

/// <summary>
/// The shipped <c>cn</c> calendar, every day of 2025 and 2026, against DOMAIN.md §5's table written out again here
/// by hand (State Council notices of 2024-11-12 and 2025-11-04), not read from the shipped files.
/// </summary>
public sealed class CnWorkingDayTests
{
    private static readonly (string From, string To)[] Holidays =
    [
        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"), ("2025-05-01", "2025-05-05"),
        ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07"),
    ];

    private static readonly string[] MakeUpDays =
    [
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ];

    private static bool Expected(DateOnly d)
    {
        if (MakeUpDays.Contains(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))) return true;
        if (Holidays.Any(h => d >= DateOnly.Parse(h.From, System.Globalization.CultureInfo.InvariantCulture)
            && d <= DateOnly.Parse(h.To, System.Globalization.CultureInfo.InvariantCulture))) return false;
        return d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void EveryDayOf2025And2026_MatchesTheStatutoryTable()
    {
        var wrong = new List<string>();
        for (var d = new DateOnly(2025, 1, 1); d <= new DateOnly(2026, 12, 31); d = d.AddDays(1))
            if (Calendars.Cn.IsWorkingDay(d) != Expected(d)) wrong.Add($"{d:yyyy-MM-dd} {d.DayOfWeek}: expected {Expected(d)}");
        Assert.Empty(wrong);
    }

    [Fact]
    public void MakeUpDays_AreWeekends_AndWorkedWithMondaysHours()
    {
        foreach (var s in MakeUpDays)
        {
            var d = DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, s);
            var nine = new DateTimeOffset(d.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
            Assert.Equal(TimeSpan.FromHours(8), Calendars.Cn.Elapsed(nine.AddHours(-9), nine.AddHours(15)));
        }
    }

    [Fact]
    public void ShippedFiles_OneAYear_DatesInTheirYear_PeriodsMatchTheDays_WithTheirSource()
    {
        var years = ShippedYear.Of(ShippedCalendars.Cn);
        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        foreach (var y in years)
        {
            Assert.All(y.Holidays.Concat(y.Workdays), d => Assert.StartsWith($"{y.Year}-", d, StringComparison.Ordinal));
            Assert.Empty(y.Holidays.Intersect(y.Workdays));
            Assert.False(string.IsNullOrWhiteSpace(y.Source["zh-CN"]));
            Assert.False(string.IsNullOrWhiteSpace(y.Source["en-US"]));
        }
    }

    [Fact]
    public void Merge_KeepsAnAdminsChoiceForADate_AndRecordsTheYear()
    {
        var c = ShippedCalendars.Fresh(ShippedCalendars.Cn);
        c.Holidays.Remove("2026-10-07");
        c.Workdays.Add("2026-10-07");
        c.ShippedYears = [2025];
        ShippedCalendars.Merge(c, ShippedYear.Of(ShippedCalendars.Cn).Where(y => y.Year == 2026));
        Assert.Contains("2026-10-07", c.Workdays);
        Assert.DoesNotContain("2026-10-07", c.Holidays);
        Assert.Contains("2026-10-06", c.Holidays);
        Assert.Equal([2025, 2026], c.ShippedYears);
    }
}
