namespace AfterSales.Web.Resources;

/// <summary>Marker for the error texts in <c>Errors.resx</c> (en-US) and <c>Errors.zh-CN.resx</c>.</summary>
public sealed class Errors;
