using AfterSales.Web.SharedKernel;
using static AfterSales.UnitTests.Calendars.Calendars;

namespace AfterSales.UnitTests.Calendars;

/// <summary>
/// Business time on the shipped <c>cn</c> calendar (09:00–12:00, 13:00–18:00, 8 hours a working day) across the
/// statutory holidays and make-up days of 2025 and 2026, and at the edges of a day.
/// </summary>
public sealed class DueTableTests
{
    [Theory]
    // National Day 2026 (Oct 1–7 off): 3 hours on Sep 30, then 5 on Oct 8.
    [InlineData("2026-09-30T15:00:00+08:00", 480, "2026-10-08T15:00:00+08:00")]
    // Make-up Saturdays and a make-up Sunday (调休) are worked, with Monday's hours.
    [InlineData("2026-10-09T17:00:00+08:00", 120, "2026-10-10T10:00:00+08:00")]
    [InlineData("2025-02-07T18:00:00+08:00", 60, "2025-02-08T10:00:00+08:00")]
    [InlineData("2025-09-26T18:00:00+08:00", 60, "2025-09-28T10:00:00+08:00")]
    // Spring Festival 2025 (Jan 28–Feb 4 off, Sunday Jan 26 worked).
    [InlineData("2025-01-27T17:00:00+08:00", 120, "2025-02-05T10:00:00+08:00")]
    [InlineData("2025-01-24T17:00:00+08:00", 600, "2025-01-27T10:00:00+08:00")]
    // Spring Festival 2026 (Feb 15–23 off, Saturday Feb 14 worked): 9 hours end at Saturday's close, one more minute after the holiday.
    [InlineData("2026-02-13T17:00:00+08:00", 540, "2026-02-14T18:00:00+08:00")]
    [InlineData("2026-02-13T17:00:00+08:00", 541, "2026-02-24T09:01:00+08:00")]
    // New Year 2026 (Jan 1–3 off, Sunday Jan 4 worked).
    [InlineData("2025-12-31T17:00:00+08:00", 120, "2026-01-04T10:00:00+08:00")]
    // The edges of a day (Tuesday 10 March 2026): lunch, before opening, after closing, exactly at an interval's end.
    [InlineData("2026-03-10T12:30:00+08:00", 60, "2026-03-10T14:00:00+08:00")]
    [InlineData("2026-03-10T07:00:00+08:00", 30, "2026-03-10T09:30:00+08:00")]
    [InlineData("2026-03-10T19:00:00+08:00", 60, "2026-03-11T10:00:00+08:00")]
    [InlineData("2026-03-10T12:00:00+08:00", 1, "2026-03-10T13:01:00+08:00")]
    [InlineData("2026-03-10T18:00:00+08:00", 1, "2026-03-11T09:01:00+08:00")]
    [InlineData("2026-03-10T11:00:00+08:00", 60, "2026-03-10T12:00:00+08:00")]
    [InlineData("2026-03-13T17:30:00+08:00", 60, "2026-03-16T09:30:00+08:00")]
    // Zero is the instant itself, even at night; an instant in another offset is the same instant.
    [InlineData("2026-03-10T19:00:00+08:00", 0, "2026-03-10T19:00:00+08:00")]
    [InlineData("2026-03-10T01:00:00Z", 60, "2026-03-10T10:00:00+08:00")]
    public void Due_OnCn(string from, int minutes, string due)
    {
        Assert.Equal(At(due), Cn.Due(At(from), TimeSpan.FromMinutes(minutes)));
        if (minutes > 0) Assert.Equal(TimeSpan.FromMinutes(minutes), Cn.Elapsed(At(from), At(due)));
    }

    [Theory]
    [InlineData("2026-09-30T09:00:00+08:00", "2026-10-08T18:00:00+08:00", 960)]
    [InlineData("2026-03-10T11:00:00+08:00", "2026-03-10T14:00:00+08:00", 120)]
    [InlineData("2026-10-05T00:00:00+08:00", "2026-10-12T00:00:00+08:00", 1440)]
    [InlineData("2026-03-10T09:00:00+08:00", "2026-03-10T09:00:30+08:00", 0.5)]
    [InlineData("2026-03-10T14:00:00+08:00", "2026-03-10T11:00:00+08:00", 0)]
    [InlineData("2026-10-01T00:00:00+08:00", "2026-10-07T23:59:00+08:00", 0)]
    public void Elapsed_OnCn(string from, string to, double minutes) =>
        Assert.Equal(minutes, Cn.Elapsed(At(from), At(to)).TotalMinutes);

    [Fact]
    public void AllDay_IsOneInterval_AndCountsCalendarTime()
    {
        Assert.Equal(1, AllDay.IntervalCount);
        var from = At("2026-02-14T17:23:00+08:00");
        Assert.Equal(from.AddDays(30), AllDay.Due(from, TimeSpan.FromDays(30)));
        Assert.Equal(TimeSpan.FromDays(30), AllDay.Elapsed(from, from.AddDays(30)));
    }

    [Theory]
    [InlineData("1999-12-31T12:00:00+08:00", 60)]
    [InlineData("2100-12-31T17:00:00+08:00", 600)]
    [InlineData("2101-01-02T09:00:00+08:00", 1)]
    public void OutsideTheCompiledCentury_IsOutOfRange(string from, int minutes)
    {
        Assert.Equal("calendar.out_of_range", Assert.Throws<DomainException>(() => Cn.Due(At(from), TimeSpan.FromMinutes(minutes))).Code);
        Assert.Equal("calendar.out_of_range",
            Assert.Throws<DomainException>(() => Cn.Elapsed(At("2026-01-05T09:00:00+08:00"), At("2101-06-01T00:00:00+08:00"))).Code);
    }

    [Fact]
    public void Due_ComputesWithoutAllocating()
    {
        var from = At("2026-09-30T15:00:00+08:00");
        Cn.Due(from, TimeSpan.FromMinutes(480));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Cn.Due(from.AddMinutes(i), TimeSpan.FromMinutes(i + 1));
            Cn.Elapsed(from, from.AddMinutes(i * 7));
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
