using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary>
/// Whether a shop id names a shop the platform knows. A merchant's shops and a <c>shop:</c> policy scope must be such
/// ids: a shop's name typed where its id belongs ("简衣服饰") or a typo would otherwise be saved and silently match
/// nothing. Access asks; the Shops module answers (a shop with a profile or at least one order).
/// </summary>
public interface IKnownShops
{
    /// <summary>Those of <paramref name="shopIds"/> that name no known shop, in their order.</summary>
    Task<List<string>> UnknownAsync(AfterSalesDbContext db, IReadOnlyCollection<string> shopIds, CancellationToken ct);
}

public static class KnownShops
{
    /// <summary>The field message for an id that names no shop (the API's English; FieldMessages.resx translates it).</summary>
    public static string Unknown(string shopId) => $"unknown shop '{shopId}': no shop profile and no order of this shop";

    /// <summary>The unknown ones of <paramref name="shopIds"/>, asked of the registered <see cref="IKnownShops"/>.</summary>
    public static Task<List<string>> UnknownAsync(IServiceProvider services, AfterSalesDbContext db, IReadOnlyCollection<string> shopIds, CancellationToken ct) =>
        services.GetRequiredService<IKnownShops>().UnknownAsync(db, shopIds, ct);
}
