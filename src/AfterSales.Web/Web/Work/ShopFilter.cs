using System.Text.Json;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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

    public IQueryable<Case> Apply(IQueryable<Case> cases, AfterSalesDbContext db)
    {
        if (Wire.TryParse<CaseType>(Type, out var type)) cases = cases.Where(c => c.Type == type);
        if (Wire.TryParse<CaseReason>(Reason, out var reason)) cases = cases.Where(c => c.Reason == reason);
        // Dates are the platform's days (Asia/Shanghai), compared as instants so the index on the column serves.
        if (From is { } from) { var start = StartOf(from); cases = cases.Where(c => c.CreatedAt >= start); }
        if (To is { } to) { var end = StartOf(to.AddDays(1)); cases = cases.Where(c => c.CreatedAt < end); }
        if (!string.IsNullOrWhiteSpace(Sku))
        {
            // Order lines are one JSON text column (JsonColumn): match the serialized "sku" exactly, as a subquery
            // in the same statement, so the filter runs in the database on both engines.
            var pattern = "%" + LikeEscape(JsonSerializer.Serialize(new { sku = Sku.Trim() }, Json.Options).Trim('{', '}')) + "%";
            var orders = db.Database.SqlQuery<string>($"SELECT \"OrderNo\" AS \"Value\" FROM \"orders\" WHERE \"Lines\" LIKE {pattern} ESCAPE '\\'");
            cases = cases.Where(c => orders.Contains(c.OrderNo));
        }
        return cases;
    }

    private static string LikeEscape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, UiFormat.PlatformZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
