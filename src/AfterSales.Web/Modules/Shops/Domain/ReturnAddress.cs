namespace AfterSales.Web.Modules.Shops.Domain;

/// <summary>
/// Where a consumer sends goods back (退货地址): a value, copied whole onto a case when the merchant agrees, so a
/// later edit of the shop's address never changes what the consumer was told. Business data of the shop, not
/// personal data of a consumer: shown unmasked to everyone who sees the case.
/// </summary>
/// <param name="ContactName">Who receives the parcel (收件人), e.g. a warehouse desk.</param>
/// <param name="Phone">The receiver's phone: digits with an optional leading + and dashes.</param>
/// <param name="Address">The full address as one text, province to street and door (省市区 + 街道门牌).</param>
/// <param name="PostalCode">The six-digit postal code, if the shop gives one.</param>
public sealed record ReturnAddress(string ContactName, string Phone, string Address, string? PostalCode);
