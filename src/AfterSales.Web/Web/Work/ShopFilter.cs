using Microsoft.AspNetCore.Mvc;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Web.Work;

/// <summary>
/// The merchant list's filters as they stand in the URL (shareable; the back button works). Unknown values are
/// ignored rather than refused: a hand-edited link shows the unfiltered list, not an error page.
/// </summary>
public sealed class ShopFilter
{
    [FromQuery(Name = "tab")] public string Tab { get; set; } = "todo";
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "reason")] public string? Reason { get; set; }
    [FromQuery(Name = "sku")] public string? Sku { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }

    public bool Any => Type is not null || Reason is not null || !string.IsNullOrWhiteSpace(Sku) || From is not null || To is not null;

    /// <summary>The filters as the list's query reads them (days as the platform's, Asia/Shanghai, instants).</summary>
    public CaseListFilter ToFilter() => new(
        Wire.TryParse<CaseType>(Type, out var type) ? type : null,
        Wire.TryParse<CaseReason>(Reason, out var reason) ? reason : null,
        string.IsNullOrWhiteSpace(Sku) ? null : Sku,
        From is { } from ? StartOf(from) : null,
        To is { } to ? StartOf(to.AddDays(1)) : null);

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, UiFormat.PlatformZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
