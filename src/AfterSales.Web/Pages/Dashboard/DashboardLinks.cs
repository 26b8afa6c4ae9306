using AfterSales.Web.Modules.Reporting.Contracts;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>URLs that keep the range and the shop, so a link or a CSV is the same view another person opens.</summary>
public static class DashboardLinks
{
    public const string Home = "/dashboard";
    public const string Cases = "/dashboard/cases";
    public const string Export = "/dashboard/export";

    public static string To(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        path + QueryString.Create(query.Where(kv => kv.Value is not null));

    /// <summary>The cases behind a bar: the chart's filter on top of the range and shop.</summary>
    public static string CasesOf(CaseFilter filter) => To(Cases, filter.ToQuery());

    public static string ExportOf(string chart, DashboardRange range, string? shop) =>
        To(Export, [new("chart", chart), new("from", range.FromText), new("to", range.ToText), new("shop", shop)]);

    public static string HomeOf(DashboardRange range, string? shop) =>
        To(Home, [new("from", range.FromText), new("to", range.ToText), new("shop", shop)]);
}
