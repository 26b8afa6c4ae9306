namespace AfterSales.Web.SharedKernel;

/// <summary>The platform's time zone: days, windows and case numbers count in it (DOMAIN.md §4–§5).</summary>
public static class PlatformTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
