namespace AfterSales.Web.Resources;

/// <summary>Marker for the case vocabulary of the web UI (statuses, types, reasons, actions, events, fields) in <c>CaseUi.resx</c> / <c>CaseUi.zh-CN.resx</c>.</summary>
public sealed class CaseUi;
