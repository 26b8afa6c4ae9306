using AfterSales.Web.Modules.Integration.Webhooks.Domain;

namespace AfterSales.UnitTests.Webhooks;

/// <summary>8 tries over about 4 hours: waits ×4 from one minute, capped at one hour, then dead.</summary>
public sealed class RetryScheduleTests
{
    [Fact]
    public void DelayAfter_EachFailedTry_IsTimesFourFromOneMinute_CappedAtOneHour()
    {
        var waits = Enumerable.Range(1, 7).Select(a => RetrySchedule.DelayAfter(a)!.Value.TotalMinutes).ToArray();
        Assert.Equal([1, 4, 16, 60, 60, 60, 60], waits);
    }

    [Fact]
    public void AfterTheEighthTry_ThereIsNoOther()
    {
        Assert.Equal(8, RetrySchedule.MaxAttempts);
        Assert.Null(RetrySchedule.DelayAfter(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.DelayAfter(0));
    }

    [Fact]
    public void TheLastTry_IsAboutFourHoursAfterTheFirst()
    {
        var total = Enumerable.Range(1, 7).Sum(a => RetrySchedule.DelayAfter(a)!.Value.TotalMinutes);
        Assert.Equal(261, total); // 4 h 21 min
    }
}
