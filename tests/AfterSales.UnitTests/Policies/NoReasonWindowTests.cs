using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Policies.Domain;
using static AfterSales.UnitTests.Policies.Ask;

namespace AfterSales.UnitTests.Policies;

/// <summary>
/// 七日无理由退货 (CRPL Art. 25; Interim Measures 2017): 7 days from the day after signing (签收次日), ending at
/// 24:00 of the 7th day, counted in calendar days of Asia/Shanghai whatever offset the times arrive in.
/// </summary>
public sealed class NoReasonWindowTests
{
    private static EligibilityDecision NoReason(string signedAt, string at, PolicySettings? policy = null) =>
        Decide(signedAt, CaseType.ReturnRefund, CaseReason.NoReason7Day, at, policy: policy);

    [Theory]
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-20T15:00:01+08:00")] // day 0: the day of signing itself
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-21T00:00:00+08:00")] // day 1 begins
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-27T12:00:00+08:00")] // day 7
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-27T23:59:59.999+08:00")] // last moment of day 7
    public void NoReason_WithinSevenDaysAfterTheDayOfSigning_IsEligible(string signedAt, string at)
    {
        var d = NoReason(signedAt, at);

        Assert.True(d.Eligible);
        Assert.Equal(RuleOutcome.Pass, d.Rule("no_reason_window").Outcome);
        Assert.Equal(T("2026-11-28T00:00:00+08:00"), d.Deadline);
    }

    [Fact]
    public void NoReason_OnLastMinuteOfDay7_IsEligible() =>
        Assert.True(NoReason("2026-11-20T15:00:00+08:00", "2026-11-27T23:59:00+08:00").Eligible);

    [Theory]
    [InlineData("2026-11-28T00:00:00+08:00")] // 24:00 of day 7
    [InlineData("2026-11-28T09:00:00+08:00")] // day 8, before the hour of signing
    [InlineData("2026-12-20T12:00:00+08:00")]
    public void NoReason_FromMidnightEndingDay7_IsRefused(string at)
    {
        var d = NoReason("2026-11-20T15:00:00+08:00", at);

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_window", d.DecidedBy.Rule);
        Assert.Equal(RuleOutcome.Fail, d.DecidedBy.Outcome);
        Assert.Equal("no_reason_window.fail", d.DecidedBy.MessageKey);
        Assert.Equal(0m, d.MaxRefund);
    }

    /// <summary>
    /// Signed 23:59 in Shanghai (15:59Z) is still 20 November there, so day 7 is 27 November; signed 00:00 in
    /// Shanghai (16:00Z, still 20 November in UTC) is 21 November there, so day 7 is 28 November.
    /// </summary>
    [Theory]
    [InlineData("2026-11-20T15:59:00Z", "2026-11-27T15:59:59.999Z", true)]
    [InlineData("2026-11-20T15:59:00Z", "2026-11-27T16:00:00Z", false)]
    [InlineData("2026-11-20T15:59:59.999Z", "2026-11-27T16:30:00Z", false)]
    [InlineData("2026-11-20T16:00:00Z", "2026-11-27T16:30:00Z", true)]
    [InlineData("2026-11-20T16:00:00Z", "2026-11-28T15:59:59.999Z", true)]
    [InlineData("2026-11-20T16:00:00Z", "2026-11-28T16:00:00Z", false)]
    public void NoReason_SignedAroundShanghaiMidnight_CountsFromTheShanghaiDate(string signedAt, string at, bool eligible) =>
        Assert.Equal(eligible, NoReason(signedAt, at).Eligible);

    [Theory]
    [InlineData("2026-01-31T10:00:00+08:00", "2026-02-07T23:59:59.999+08:00", "2026-02-08T00:00:00+08:00")]
    [InlineData("2026-02-28T10:00:00+08:00", "2026-03-07T23:59:59.999+08:00", "2026-03-08T00:00:00+08:00")]
    [InlineData("2026-12-31T10:00:00+08:00", "2027-01-07T23:59:59.999+08:00", "2027-01-08T00:00:00+08:00")]
    [InlineData("2028-02-28T10:00:00+08:00", "2028-03-06T23:59:59.999+08:00", "2028-03-07T00:00:00+08:00")]
    [InlineData("2028-02-29T10:00:00+08:00", "2028-03-07T23:59:59.999+08:00", "2028-03-08T00:00:00+08:00")]
    public void NoReason_AcrossMonthYearAndLeapDay_EndsAt24OfTheSeventhCalendarDay(string signedAt, string lastMoment, string end)
    {
        var inside = NoReason(signedAt, lastMoment);
        var outside = NoReason(signedAt, end);

        Assert.True(inside.Eligible);
        Assert.False(outside.Eligible);
        Assert.Equal(T(end), inside.Deadline);
        Assert.Equal(T(end), outside.Deadline);
    }

    /// <summary>The same instants written in +08:00, UTC and -05:00.</summary>
    [Theory]
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-27T23:59:59.999+08:00", true)]
    [InlineData("2026-11-20T07:00:00Z", "2026-11-27T15:59:59.999Z", true)]
    [InlineData("2026-11-20T02:00:00-05:00", "2026-11-27T10:59:59.999-05:00", true)]
    [InlineData("2026-11-20T07:00:00Z", "2026-11-27T10:59:59.999-05:00", true)]
    [InlineData("2026-11-20T02:00:00-05:00", "2026-11-27T23:59:59.999+08:00", true)]
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-28T00:00:00+08:00", false)]
    [InlineData("2026-11-20T07:00:00Z", "2026-11-27T16:00:00Z", false)]
    [InlineData("2026-11-20T02:00:00-05:00", "2026-11-27T11:00:00-05:00", false)]
    public void NoReason_TimesInOtherOffsets_GiveTheSameAnswer(string signedAt, string at, bool eligible)
    {
        var d = NoReason(signedAt, at);

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(T("2026-11-28T00:00:00+08:00"), d.Deadline);
    }

    [Theory]
    [InlineData("2026-11-28T00:00:00+08:00", true)]
    [InlineData("2026-11-30T23:59:59.999+08:00", true)]
    [InlineData("2026-12-01T00:00:00+08:00", false)]
    public void NoReason_WithPlatformPolicyOfTenDays_WidensTheWindow(string at, bool eligible)
    {
        var d = NoReason("2026-11-20T15:00:00+08:00", at, PolicySettings.Default with { NoReasonDays = 10 });

        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(T("2026-12-01T00:00:00+08:00"), d.Deadline);
    }

    [Theory]
    [InlineData(CaseType.RefundOnly)]
    [InlineData(CaseType.Exchange)]
    [InlineData(CaseType.Repair)]
    public void NoReason_AskedAsAnythingButReturnAndRefund_IsRefused(CaseType type)
    {
        var d = Decide("2026-11-20T15:00:00+08:00", type, CaseReason.NoReason7Day, "2026-11-22T12:00:00+08:00");

        Assert.False(d.Eligible);
        Assert.Equal("no_reason_type", d.DecidedBy.Rule);
    }
}
