namespace AfterSales.Web.Resources;

/// <summary>Marker for the shop module's texts (shop settings, the return address on a case, field messages) in <c>ShopUi.resx</c> / <c>ShopUi.zh-CN.resx</c>.</summary>
public sealed class ShopUi;
