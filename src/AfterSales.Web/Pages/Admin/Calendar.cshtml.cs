using System.Text.Json;
using AfterSales.Web.Modules.ServiceStandards.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

public enum DayKind { Working, Off, Holiday, MakeUp }

public sealed record GridDay(DateOnly Date, bool InMonth, DayKind Kind);

/// <summary>
/// One calendar as a month grid (Monday first). Whether a day works is the compiled calendar's own answer
/// (<see cref="CalendarDays.IsWorkingDay"/>), so the grid can never disagree with the SLA arithmetic. Editing is
/// the PUT use case on the JSON definition, with the shown version as the expected one so a stale edit cannot overwrite.
/// </summary>
public sealed class CalendarModel(CalendarAdmin calendars, IStringLocalizer<AdminUi> a) : AdminPageModel
{
    [FromRoute] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public int Version { get; set; }

    public CalendarView? Calendar { get; private set; }
    public DateOnly First { get; private set; }
    public List<GridDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Definition = JsonSerializer.Serialize(new CalendarDefinition(Calendar!.Name, Calendar.TimeZone, Calendar.Week, Calendar.Holidays, Calendar.Workdays), Indented);
        Version = Calendar!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CalendarDefinition? body = null;
        try
        {
            body = JsonSerializer.Deserialize<CalendarDefinition>(Definition ?? "", JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            Show("request.malformed", ex.Message, null);
        }
        if (ProblemCode is null)
        {
            if (await TryAsync(() => calendars.PutAsync(Id, body, Version, HttpContext, ct)))
                return Done(a["Cal.Saved"], $"/admin/calendars/{Id}?year={Year}&month={Month}");
        }
        var status = Response.StatusCode;
        if (!await LoadAsync(ct)) return NotFound();
        Response.StatusCode = status;
        return Page();
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await TryAsync(async () => Calendar = await calendars.GetAsync(Id, ct))) return false;
        var compiled = await calendars.DaysAsync(Id, ct);
        if (compiled is null) return false;
        var today = compiled.Today;
        var year = Year is >= CalendarDays.FirstYear and <= CalendarDays.LastYear ? Year.Value : today.Year;
        var month = Month is >= 1 and <= 12 ? Month.Value : today.Month;
        (Year, Month) = (year, month);
        First = new DateOnly(year, month, 1);
        var holidays = Calendar!.Holidays.ToHashSet(StringComparer.Ordinal);
        var workdays = Calendar.Workdays.ToHashSet(StringComparer.Ordinal);
        // Monday first: step back to the Monday on or before the 1st, and on to the Sunday on or after the last day.
        var start = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        var last = First.AddMonths(1).AddDays(-1);
        var end = last.AddDays((7 - (int)last.DayOfWeek) % 7);
        Days = [];
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            var key = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var kind = workdays.Contains(key) ? DayKind.MakeUp
                : holidays.Contains(key) ? DayKind.Holiday
                : compiled.IsWorkingDay(d) ? DayKind.Working : DayKind.Off;
            Days.Add(new GridDay(d, d.Month == month, kind));
        }
        return true;
    }
}
