using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Shop.Cases;

/// <summary>One case in the shop area: the shared case view, with the actions this person may take now.</summary>
public sealed class CaseModel(CaseWorkbench cases, IStringLocalizer<CaseUi> text) : CasePageModel(cases, text);
