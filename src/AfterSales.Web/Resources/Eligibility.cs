namespace AfterSales.Web.Resources;

/// <summary>Marker for the eligibility explanations in <c>Eligibility.resx</c> (en-US) and <c>Eligibility.zh-CN.resx</c>.</summary>
public sealed class Eligibility;
