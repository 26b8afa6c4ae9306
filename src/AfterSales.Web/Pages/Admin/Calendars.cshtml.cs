using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Pages.Admin;

/// <summary>Every business calendar (<c>GET /api/v1/calendars</c>' use case), each opening on this month's grid.</summary>
public sealed class CalendarsModel(CalendarAdmin calendars) : AdminPageModel
{
    public List<CalendarView> Calendars { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Calendars = await calendars.ListAsync(ct);
}
