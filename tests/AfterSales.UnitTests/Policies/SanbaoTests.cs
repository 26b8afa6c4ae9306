using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// 三包 for a performance fault (reason quality_issue on goods with a warranty), days counted from the day after
/// signing: days 1–7 return, exchange or repair; days 8–15 exchange or repair; then repair until the warranty
/// ends. A period of months ends on the corresponding date, or the month's last day when there is none (Civil
/// Code Art. 202); a warranty ending on a day off moves to the next working day.
/// </summary>
public sealed class SanbaoTests
{
    /// <summary>Tuesday. Day 7 is 17 March, day 8 is 18 March, day 15 is 25 March, day 16 is 26 March.</summary>
    private const string Signed = "2026-03-10T15:00:00+08:00";

    private static EligibilityDecision Claim(CaseType type, string at, string signedAt = Signed, int months = 12, IWorkingDays? days = null) =>
        Decide(signedAt, type, CaseReason.QualityIssue, at, warrantyMonths: months, days: days);

    [Theory]
    [InlineData(CaseType.ReturnRefund, "2026-03-11T09:00:00+08:00", true, "return_exchange_repair", "2026-03-18T00:00:00+08:00")]
    [InlineData(CaseType.ReturnRefund, "2026-03-17T12:00:00+08:00", true, "return_exchange_repair", "2026-03-18T00:00:00+08:00")]
    [InlineData(CaseType.ReturnRefund, "2026-03-17T23:59:59.999+08:00", true, "return_exchange_repair", "2026-03-18T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-03-17T12:00:00+08:00", true, "return_exchange_repair", "2026-03-18T00:00:00+08:00")]
    [InlineData(CaseType.Repair, "2026-03-17T12:00:00+08:00", true, "return_exchange_repair", "2026-03-18T00:00:00+08:00")]
    [InlineData(CaseType.ReturnRefund, "2026-03-18T00:00:00+08:00", false, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.ReturnRefund, "2026-03-18T12:00:00+08:00", false, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-03-18T12:00:00+08:00", true, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.Repair, "2026-03-18T12:00:00+08:00", true, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-03-25T12:00:00+08:00", true, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-03-25T23:59:59.999+08:00", true, "exchange_repair", "2026-03-26T00:00:00+08:00")]
    [InlineData(CaseType.Exchange, "2026-03-26T00:00:00+08:00", false, "repair", "2027-03-11T00:00:00+08:00")]
    [InlineData(CaseType.ReturnRefund, "2026-03-26T12:00:00+08:00", false, "repair", "2027-03-11T00:00:00+08:00")]
    [InlineData(CaseType.Repair, "2026-03-26T12:00:00+08:00", true, "repair", "2027-03-11T00:00:00+08:00")]
    [InlineData(CaseType.Repair, "2026-09-01T12:00:00+08:00", true, "repair", "2027-03-11T00:00:00+08:00")]
    public void Sanbao_ByDayAfterSigning_AllowsReturnThenExchangeThenRepair(CaseType type, string at, bool eligible, string allowed, string until)
    {
        var d = Claim(type, at);
        var rule = d.Rule("sanbao_window");

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(eligible ? RuleOutcome.Pass : RuleOutcome.Fail, rule.Outcome);
        Assert.Equal($"sanbao_window.{allowed}", rule.MessageKey);
        Assert.Equal(T(until), d.Deadline);
        Assert.Equal("merchant", d.ReturnShippingPaidBy);
        Assert.Contains("photos", d.RequiredEvidence);
    }

    /// <summary>Signed 00:30 on 11 March in Shanghai (still 10 March in UTC): day 7 is 18 March there.</summary>
    [Theory]
    [InlineData("2026-03-18T15:59:59.999Z", true)]
    [InlineData("2026-03-18T16:00:00Z", false)]
    public void SanbaoReturn_SignedJustAfterShanghaiMidnight_CountsFromTheShanghaiDate(string at, bool eligible) =>
        Assert.Equal(eligible, Claim(CaseType.ReturnRefund, at, signedAt: "2026-03-10T16:30:00Z").Eligible);

    [Theory]
    [InlineData("2027-03-10T23:59:59.999+08:00", true)]
    [InlineData("2027-03-11T00:00:00+08:00", false)]
    public void SanbaoRepair_OnTheLastWarrantyDay_IsEligible_AndTheDayAfterIsRefused(string at, bool eligible)
    {
        var d = Claim(CaseType.Repair, at);

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(eligible ? "sanbao_window.repair" : "sanbao_window.none", d.Rule("sanbao_window").MessageKey);
        Assert.Equal("2027-03-10", d.Rule("sanbao_window").Args[3]);
    }

    /// <summary>Signed Friday 13 March 2026: a year later is Saturday 13 March 2027, so the warranty runs to Monday 15th.</summary>
    [Theory]
    [InlineData("2027-03-13T12:00:00+08:00", true)]
    [InlineData("2027-03-14T12:00:00+08:00", true)]
    [InlineData("2027-03-15T23:59:59.999+08:00", true)]
    [InlineData("2027-03-16T00:00:00+08:00", false)]
    public void SanbaoRepair_WarrantyEndingOnAWeekend_MovesToMonday(string at, bool eligible)
    {
        var d = Claim(CaseType.Repair, at, signedAt: "2026-03-13T10:00:00+08:00");

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal("2027-03-15", d.Rule("sanbao_window").Args[3]);
        Assert.Equal(T("2027-03-16T00:00:00+08:00"), d.Deadline);
    }

    /// <summary>Signed 1 October 2026: a year later is Friday 1 October 2027, a working day unless it is a holiday.</summary>
    [Theory]
    [InlineData(false, "2027-10-01T23:59:59.999+08:00", true)]
    [InlineData(false, "2027-10-02T00:00:00+08:00", false)]
    [InlineData(true, "2027-10-02T00:00:00+08:00", true)]
    [InlineData(true, "2027-10-08T23:59:59.999+08:00", true)]
    [InlineData(true, "2027-10-09T00:00:00+08:00", false)]
    public void SanbaoRepair_WarrantyEndingOnAHoliday_MovesToTheNextWorkingDay(bool nationalDayHoliday, string at, bool eligible)
    {
        IWorkingDays days = nationalDayHoliday ? Calendar.WithHolidays(Dates("2027-10-01", 7)) : WeekendOnlyWorkingDays.Instance;

        var d = Claim(CaseType.Repair, at, signedAt: "2026-10-01T10:00:00+08:00", days: days);

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(nationalDayHoliday ? "2027-10-08" : "2027-10-01", d.Rule("sanbao_window").Args[3]);
    }

    /// <summary>A Saturday made a working day (调休) is no day off, so the warranty does not move.</summary>
    [Fact]
    public void SanbaoRepair_WarrantyEndingOnAMakeUpWorkingSaturday_DoesNotMove()
    {
        var days = Calendar.WithHolidays([], makeUpWorkdays: [new DateOnly(2027, 3, 13)]);

        var d = Claim(CaseType.Repair, "2027-03-14T12:00:00+08:00", signedAt: "2026-03-13T10:00:00+08:00", days: days);

        Assert.False(d.Eligible);
        Assert.Equal("2027-03-13", d.Rule("sanbao_window").Args[3]);
    }

    /// <summary>Earphones (3 months) and batteries (6 months) ending on 28 February 2027, a Sunday; and a leap day.</summary>
    [Theory]
    [InlineData("2026-11-30T10:00:00+08:00", 3, "2027-03-01", "2027-03-01T23:59:59.999+08:00", "2027-03-02T00:00:00+08:00")]
    [InlineData("2026-08-31T10:00:00+08:00", 6, "2027-03-01", "2027-03-01T23:59:59.999+08:00", "2027-03-02T00:00:00+08:00")]
    [InlineData("2028-02-29T10:00:00+08:00", 12, "2029-02-28", "2029-02-28T23:59:59.999+08:00", "2029-03-01T00:00:00+08:00")]
    public void SanbaoRepair_WarrantyWithoutACorrespondingDate_EndsOnTheMonthsLastDay(string signedAt, int months, string end, string lastMoment, string after)
    {
        var inside = Claim(CaseType.Repair, lastMoment, signedAt, months);
        var outside = Claim(CaseType.Repair, after, signedAt, months);

        Assert.True(inside.Eligible);
        Assert.False(outside.Eligible);
        Assert.Equal(end, inside.Rule("sanbao_window").Args[3]);
    }

    private static DateOnly[] Dates(string first, int count) =>
        Enumerable.Range(0, count).Select(i => DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(i)).ToArray();
}
