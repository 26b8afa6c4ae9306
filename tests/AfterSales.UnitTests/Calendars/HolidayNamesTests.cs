using System.Globalization;
using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.UnitTests.Calendars;

/// <summary>The month grid names a holiday from the shipped notice, in the reader's language; other days have none.</summary>
public sealed class HolidayNamesTests
{
    [Fact]
    public void NationalDay_IsNamed_InEachLanguage_AndAWorkdayIsNot()
    {
        Assert.Equal("国庆节", HolidayNames.Of("cn", new DateOnly(2026, 10, 1), CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("National Day", HolidayNames.Of("cn", new DateOnly(2026, 10, 7), CultureInfo.GetCultureInfo("en-US")));
        Assert.Null(HolidayNames.Of("cn", new DateOnly(2026, 10, 12), CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Null(HolidayNames.Of("cn", new DateOnly(2031, 10, 1), CultureInfo.GetCultureInfo("zh-CN")));
    }
}
