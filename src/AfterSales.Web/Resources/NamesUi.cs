namespace AfterSales.Web.Resources;

/// <summary>Marker for the texts around names shown instead of ids (<see cref="Web.DisplayNames"/>) in <c>NamesUi.resx</c> / <c>NamesUi.zh-CN.resx</c>.</summary>
public sealed class NamesUi;
