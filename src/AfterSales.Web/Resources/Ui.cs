namespace AfterSales.Web.Resources;

/// <summary>Marker for the web UI's texts in <c>Ui.resx</c> (en-US) and <c>Ui.zh-CN.resx</c> (the default language).</summary>
public sealed class Ui;
