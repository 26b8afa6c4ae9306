using AfterSales.Web.Modules.Cases.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Calendars;

/// <summary>三包: a warranty ending on a statutory holiday moves to the next working day of the shipped cn calendar.</summary>
public sealed class SanbaoOnCnTests
{
    [Theory]
    // Signed 1 Oct 2025: the year ends Thursday 1 Oct 2026, National Day, so the warranty runs to Thursday 8 Oct.
    [InlineData("2025-10-01T10:00:00+08:00", "2026-10-08")]
    // Signed 10 Oct 2025: the year ends Saturday 10 Oct 2026, a make-up working day (调休), so it does not move.
    [InlineData("2025-10-10T10:00:00+08:00", "2026-10-10")]
    // Signed 16 Feb 2025: 16 Feb 2026 is Spring Festival (Feb 15–23), the next working day is Tuesday 24 Feb.
    [InlineData("2025-02-16T10:00:00+08:00", "2026-02-24")]
    // Signed 17 Feb 2025: Tuesday 17 Feb 2026 is no weekend, yet a holiday.
    [InlineData("2025-02-17T10:00:00+08:00", "2026-02-24")]
    public void WarrantyEnd_FollowsTheStatutoryCalendar(string signed, string warrantyEnd)
    {
        var d = Decide(signed, CaseType.Repair, CaseReason.QualityIssue, "2026-01-15T12:00:00+08:00", warrantyMonths: 12, days: Calendars.Cn);
        Assert.Equal(warrantyEnd, d.Rule("sanbao_window").Args[3]);
    }
}
