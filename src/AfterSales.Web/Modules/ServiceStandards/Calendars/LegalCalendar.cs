using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Contracts;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>The working days the law counts in (工作日): the configured legal calendar, else Monday to Friday.</summary>
internal sealed class LegalCalendar(ICalendarSource calendars, IOptions<ServiceStandardsOptions> options) : ILegalWorkingDays
{
    public async Task<IWorkingDays> GetAsync(AfterSalesDbContext db, CancellationToken ct) =>
        await calendars.GetAsync(db, options.Value.LegalCalendarId, ct) ?? (IWorkingDays)WeekendOnlyWorkingDays.Instance;
}
