using System.Text.Json;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Portal.Orders;

/// <summary>
/// A legal source in the reader's language. The API's <c>source</c> is one bilingual text (part of the contract); the
/// page names it by its key instead (<c>Elig.Src.{key}</c> in PortalUi), and shows the API's text only for a source
/// it has no words for.
/// </summary>
public static class SourceText
{
    public static string Of(IStringLocalizer text, string? key, string source) =>
        key is not null && text["Elig.Src." + key] is { ResourceNotFound: false } s ? s.Value : source;

    /// <summary>Every source's words, keyed as the API's <c>sourceKey</c>, for portal.js (which renders the API's answer).</summary>
    public static string Json(IStringLocalizer text) =>
        JsonSerializer.Serialize(LegalSources.AllKeys.ToDictionary(k => k, k => Of(text, k, k)));
}
