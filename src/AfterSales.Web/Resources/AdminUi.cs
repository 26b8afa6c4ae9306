namespace AfterSales.Web.Resources;

/// <summary>Marker for the admin pages' texts in <c>AdminUi.resx</c> (en-US) and <c>AdminUi.zh-CN.resx</c> (the default language).</summary>
public sealed class AdminUi;
