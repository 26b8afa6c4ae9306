using System.Globalization;
using System.Resources;

namespace AfterSales.Web.Modules.Audit.Features;

/// <summary>Field messages of the audit endpoints, zh-CN and en-US (<c>Resources/Audit.resx</c>).</summary>
internal static class AuditTexts
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.Audit", typeof(AuditTexts).Assembly);

    public static string Get(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentUICulture, Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);
}
