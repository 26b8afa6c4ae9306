using System.Globalization;
using System.Resources;

namespace AfterSales.Web.Modules.Shops.Domain;

/// <summary>The shop module's texts, zh-CN and en-US (<c>Resources/ShopUi.resx</c>): field messages and page words.</summary>
public static class ShopTexts
{
    private static readonly ResourceManager Texts = new("AfterSales.Web.Resources.ShopUi", typeof(ShopTexts).Assembly);

    public static string Get(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentUICulture, Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);
}
