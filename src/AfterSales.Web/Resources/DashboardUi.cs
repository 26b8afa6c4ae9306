namespace AfterSales.Web.Resources;

/// <summary>Marker for the supervisor dashboard's texts in <c>DashboardUi.resx</c> (en-US) and <c>DashboardUi.zh-CN.resx</c> (the default).</summary>
public sealed class DashboardUi;
