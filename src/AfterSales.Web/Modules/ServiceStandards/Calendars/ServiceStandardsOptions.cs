namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>Settings of the service-standards module (<c>AfterSales:ServiceStandards</c>).</summary>
internal sealed class ServiceStandardsOptions
{
    public const string Section = "AfterSales:ServiceStandards";

    /// <summary>
    /// The calendar whose working days the law's 工作日 count on (三包 warranty end, complaint deadlines). Without a
    /// calendar of this id, Monday to Friday count.
    /// </summary>
    public string LegalCalendarId { get; set; } = ShippedCalendars.Cn;
}
