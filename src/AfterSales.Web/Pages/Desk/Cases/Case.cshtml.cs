using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Desk.Cases;

/// <summary>One case in the desk area: the shared case view, with the actions this person may take now.</summary>
public sealed class CaseModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text) : CasePageModel(cases, text);
