namespace AfterSales.Web.Resources;

/// <summary>Marker for the merchant and agent workspaces' texts (lists, tabs, filters, bulk actions, search) in <c>WorkUi.resx</c> / <c>WorkUi.zh-CN.resx</c>.</summary>
public sealed class WorkUi;
