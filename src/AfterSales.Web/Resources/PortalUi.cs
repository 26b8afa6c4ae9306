namespace AfterSales.Web.Resources;

/// <summary>Marker for the consumer portal's texts (orders, the request form, eligibility in plain words, steps, rating) in <c>PortalUi.resx</c> / <c>PortalUi.zh-CN.resx</c>.</summary>
public sealed class PortalUi;
