using System.Globalization;
using System.Resources;

using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars;

/// <summary>
/// Checks a calendar before anything is saved; every bad field is reported at once (400 <c>calendar.invalid</c>),
/// with messages in the request's language (Resources/Calendars.resx, .zh-CN.resx).
/// </summary>
internal static class CalendarValidator
{
    public const string Code = "calendar.invalid";

    /// <summary>Compiled calendars cover these years; dates outside them could never take effect.</summary>
    public static readonly DateOnly FirstDate = new(CompiledCalendar.FirstYear, 1, 1);
    public static readonly DateOnly LastDate = new(CompiledCalendar.LastYear, 12, 31);

    // Limits against absurd sizes: 36 statutory days a year for the compiled century is ~3,700 dates.
    public const int MaxNameLength = 100;
    public const int MaxIntervalsPerDay = 24;
    public const int MaxDates = 5000;

    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Calendars", typeof(CalendarValidator).Assembly);

    public static string Text(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentUICulture, Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);

    /// <summary>The parsed calendar, or <see cref="ValidationFailedException"/> with every field error.</summary>
    public static ValidCalendar Validate(CalendarDefinition? body)
    {
        var e = new FieldErrors();
        if (body is null)
        {
            e.Add("body", Text("Required"));
            e.ThrowIfAny(Code);
        }
        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name)) e.Add("name", Text("Required"));
        else if (name.Length > MaxNameLength) e.Add("name", Text("TooLong", MaxNameLength));
        var zone = Zone(e, body.TimeZone);
        var week = Week(e, body.Week);
        var holidays = Dates(e, "holidays", body.Holidays);
        var workdays = Dates(e, "workdays", body.Workdays);
        for (var i = 0; i < (body.Workdays?.Count ?? 0); i++)
            if (TryDate(body.Workdays![i], out var d) && holidays.Contains(d)) e.Add($"workdays[{i}]", Text("BothHolidayAndWorkday"));
        if (week.All(d => d.Count == 0) && !e.Any) e.Add("week", Text("NoWorkingHours"));
        if (workdays.Count > 0 && week[(int)DayOfWeek.Monday].Count == 0 && !e.Any) e.Add("workdays", Text("MakeUpNeedsMonday"));
        e.ThrowIfAny(Code);
        return new ValidCalendar(name!, zone!, week, holidays, workdays);
    }

    private static TimeZoneInfo? Zone(FieldErrors e, string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) e.Add("timeZone", Text("Required"));
        else if (id.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) e.Add("timeZone", Text("UnknownTimeZone"));
        else return zone;
        return null;
    }

    private static IReadOnlyList<DayInterval>[] Week(FieldErrors e, Dictionary<string, List<List<string>>>? week)
    {
        var result = new IReadOnlyList<DayInterval>[7];
        Array.Fill(result, []);
        if (week is null)
        {
            e.Add("week", Text("Required"));
            return result;
        }
        foreach (var (key, intervals) in week)
        {
            var day = Array.IndexOf(ValidCalendar.DayKeys, key);
            if (day < 0)
            {
                e.Add($"week.{Truncate(key)}", Text("UnknownWeekday"));
                continue;
            }
            result[day] = Day(e, $"week.{key}", intervals ?? []);
        }
        return result;
    }

    private static List<DayInterval> Day(FieldErrors e, string field, List<List<string>> intervals)
    {
        if (intervals.Count > MaxIntervalsPerDay)
        {
            e.Add(field, Text("TooMany", MaxIntervalsPerDay));
            return [];
        }
        var parsed = new List<(DayInterval Interval, int Index)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var pair = intervals[i];
            if (pair is not { Count: 2 } || !TryClock(pair[0], false, out var start) || !TryClock(pair[1], true, out var end))
                e.Add($"{field}[{i}]", Text("MalformedInterval"));
            else if (end <= start) e.Add($"{field}[{i}]", Text("EndNotAfterStart"));
            else parsed.Add((new DayInterval(start, end), i));
        }
        // Touching intervals ([09:00,12:00] then [12:00,13:00]) are fine; they merge when compiled.
        var sorted = parsed.OrderBy(p => p.Interval.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].Interval.Start < sorted[i - 1].Interval.End)
                e.Add($"{field}[{Math.Max(sorted[i].Index, sorted[i - 1].Index)}]", Text("Overlap"));
        return [.. sorted.Select(p => p.Interval)];
    }

    /// <summary>"HH:mm", 00:00–23:59; "24:00" only as an end.</summary>
    public static bool TryClock(string? s, bool isEnd, out int minutes)
    {
        minutes = 0;
        if (s is not { Length: 5 } || s[2] != ':' || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1])
            || !char.IsAsciiDigit(s[3]) || !char.IsAsciiDigit(s[4])) return false;
        int h = (s[0] - '0') * 10 + s[1] - '0', m = (s[3] - '0') * 10 + s[4] - '0';
        minutes = h * 60 + m;
        return (h < 24 && m < 60) || (isEnd && h == 24 && m == 0);
    }

    private static HashSet<DateOnly> Dates(FieldErrors e, string field, List<string>? dates)
    {
        var result = new HashSet<DateOnly>();
        if (dates is null) return result;
        if (dates.Count > MaxDates)
        {
            e.Add(field, Text("TooMany", MaxDates));
            return result;
        }
        for (var i = 0; i < dates.Count; i++)
        {
            if (!TryDate(dates[i], out var d)) e.Add($"{field}[{i}]", Text("MalformedDate"));
            else if (d < FirstDate || d > LastDate) e.Add($"{field}[{i}]", Text("DateOutOfRange", FirstDate.Year, LastDate.Year));
            else result.Add(d);
        }
        return result;
    }

    public static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Truncate(string key) => key.Length <= 16 ? key : key[..16];
}
