using System.Text.RegularExpressions;

namespace AfterSales.Web.Modules.Shops.Domain;

/// <summary>A return address as a client sends it: every field optional on the wire, checked by <see cref="ShopRules"/>.</summary>
public sealed record ReturnAddressInput(string? ContactName = null, string? Phone = null, string? Address = null, string? PostalCode = null)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(ContactName) && string.IsNullOrWhiteSpace(Phone)
        && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(PostalCode);

    public static ReturnAddressInput From(ReturnAddress a) => new(a.ContactName, a.Phone, a.Address, a.PostalCode);
}

/// <summary>
/// The checks on a shop's name and return address, in one place for the shop endpoint, the agree action and the
/// pages. Limits fit the columns (<c>ShopConfiguration</c>) so that no value reaches the database only to fail there.
/// </summary>
public static partial class ShopRules
{
    public const int MaxName = 60;
    public const int MaxContact = 30;
    public const int MaxPhone = 20;
    public const int MinAddress = 5;
    public const int MaxAddress = 200;
    public const int PostalCodeLength = 6;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex ShopIdPattern();

    // Mainland mobiles (13812345678), landlines with area code (0571-88886666), +86 forms: digits, a leading +, dashes.
    [GeneratedRegex(@"^\+?[0-9]+(-[0-9]+)*$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex PostalCodePattern();

    /// <summary>The trimmed name, or a field error.</summary>
    public static string Name(FieldErrors e, string? name)
    {
        var v = name?.Trim() ?? "";
        if (v.Length == 0) e.Add("name", ShopTexts.Get("Error.Required"));
        else if (v.Length > MaxName) e.Add("name", ShopTexts.Get("Error.MaxLength", MaxName));
        return v;
    }

    /// <summary>
    /// The address with its fields trimmed, or null for none given (null or all blank); field errors are named
    /// <c>{prefix}.contactName</c>, … so that a form can show each next to its input.
    /// </summary>
    public static ReturnAddress? Address(FieldErrors e, string prefix, ReturnAddressInput? input)
    {
        if (input is null || input.IsBlank) return null;
        var contact = input.ContactName?.Trim() ?? "";
        var phone = input.Phone?.Trim() ?? "";
        var address = input.Address?.Trim() ?? "";
        var postal = string.IsNullOrWhiteSpace(input.PostalCode) ? null : input.PostalCode.Trim();
        Text(e, prefix + ".contactName", contact, 1, MaxContact);
        if (phone.Length == 0) e.Add(prefix + ".phone", ShopTexts.Get("Error.Required"));
        else if (phone.Length > MaxPhone || !PhonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 5)
            e.Add(prefix + ".phone", ShopTexts.Get("Error.Phone", MaxPhone));
        Text(e, prefix + ".address", address, MinAddress, MaxAddress);
        if (postal is not null && !PostalCodePattern().IsMatch(postal)) e.Add(prefix + ".postalCode", ShopTexts.Get("Error.PostalCode"));
        return new ReturnAddress(contact, phone, address, postal);
    }

    private static void Text(FieldErrors e, string field, string value, int min, int max)
    {
        if (value.Length == 0) e.Add(field, ShopTexts.Get("Error.Required"));
        else if (value.Length < min) e.Add(field, ShopTexts.Get("Error.MinLength", min));
        else if (value.Length > max) e.Add(field, ShopTexts.Get("Error.MaxLength", max));
    }
}
