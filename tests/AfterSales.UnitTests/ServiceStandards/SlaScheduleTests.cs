using AfterSales.Web.Modules.ServiceStandards.Sla.Domain;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.ServiceStandards;

/// <summary>Where a clock's budget runs out when its pauses are cut out of business time.</summary>
public sealed class SlaScheduleTests
{
    private static readonly NineToFiveCalendar Cal = NineToFiveCalendar.Instance;

    // Monday 2026-11-23.
    private static DateTimeOffset Mon(int hour, int minute = 0) => new(2026, 11, 23, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void WithoutPauses_IsTheCalendarsDue()
    {
        var due = SlaSchedule.PointAt(Cal, Mon(15), [], TimeSpan.FromHours(4));
        Assert.Equal(Mon(11).AddDays(1), due); // 2 h on Monday, 2 h on Tuesday morning
    }

    [Fact]
    public void APauseInWorkingHours_PushesDueByTheBusinessTimeItCovered()
    {
        var pauses = new[] { new SlaPause(Mon(10), Mon(11, 30)) };
        var due = SlaSchedule.PointAt(Cal, Mon(9), pauses, TimeSpan.FromHours(4));
        Assert.Equal(Mon(14, 30), due);
    }

    [Fact]
    public void APauseOverTheNight_ChangesNothing()
    {
        var pauses = new[] { new SlaPause(Mon(18), Mon(8).AddDays(1)) };
        Assert.Equal(SlaSchedule.PointAt(Cal, Mon(15), [], TimeSpan.FromHours(4)),
            SlaSchedule.PointAt(Cal, Mon(15), pauses, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void APauseSpanningASunday_CountsOnlyTheWorkingTimeItCovered()
    {
        // Saturday 16:00 to Monday 10:00: it covers Saturday's last hour and Monday's first.
        var sat = new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);
        var pauses = new[] { new SlaPause(sat.AddHours(1), sat.AddDays(2).AddHours(-5)) };
        var due = SlaSchedule.PointAt(Cal, sat, pauses, TimeSpan.FromHours(3));
        // 1 h on Saturday before the pause, then 2 h from Monday 10:00.
        Assert.Equal(sat.AddDays(2).AddHours(-3), due);
    }

    [Fact]
    public void AnOpenPauseBeforeTheBudgetIsSpent_HasNoDueYet()
    {
        var pauses = new[] { new SlaPause(Mon(10), null) };
        Assert.Null(SlaSchedule.PointAt(Cal, Mon(9), pauses, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void AnOpenPauseAfterTheBudgetWasSpent_KeepsTheDueInThePast()
    {
        var pauses = new[] { new SlaPause(Mon(14), null) };
        Assert.Equal(Mon(11), SlaSchedule.PointAt(Cal, Mon(9), pauses, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void SeveralPauses_AreAllCutOut_AndCountedMatchesPointAt()
    {
        var pauses = new[] { new SlaPause(Mon(13), Mon(14)), new SlaPause(Mon(9, 30), Mon(10)) };
        var budget = TimeSpan.FromHours(3);
        var due = SlaSchedule.PointAt(Cal, Mon(9), pauses, budget);
        Assert.Equal(Mon(12, 30), due);
        Assert.Equal(budget, SlaSchedule.Counted(Cal, Mon(9), pauses, due!.Value));
        Assert.Equal(TimeSpan.FromMinutes(30), SlaSchedule.Counted(Cal, Mon(9), pauses, Mon(9, 45)));
    }

    [Theory]
    [InlineData(1, 0.75, 45)]
    [InlineData(240, 0.75, 10_800)]
    [InlineData(7, 0.5, 210)]
    [InlineData(3, 0.99, 178)]
    public void WarningBudget_IsTheShareToTheSecond(int minutes, double share, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SlaSchedule.WarningBudget(minutes, (decimal)share));
}
