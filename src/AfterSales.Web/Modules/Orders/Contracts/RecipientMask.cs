using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>
/// Who sees the recipient whole (API.md "Access"), and the mask everyone else gets:
/// phone — first 3 and last 4 characters kept, <c>****</c> between (<c>138****1234</c>; shorter than 8: <c>****</c>);
/// name — the surname kept (the first character, or a known two-character compound surname such as 欧阳), one
/// <c>*</c> per remaining character (<c>张*</c>, <c>欧阳**</c>);
/// address — the province (…省/自治区/特别行政区) and city (…市/自治州/地区/盟) at its start kept, the rest <c>****</c>
/// (<c>广东省深圳市****</c>, <c>北京市****</c>); an address without them is <c>****</c>.
/// </summary>
public static partial class RecipientMask
{
    public enum Reader { Masked, Owner, Platform }

    /// <summary>The owning consumer (their <c>aftersales:consumer</c> claim) first, then the platform; everyone else masked.</summary>
    public static Reader ReaderOf(ClaimsPrincipal user, Order order)
    {
        if (user.FindAll(AccessRoles.ConsumerClaim).Any(c => string.Equals(c.Value, order.ConsumerId, StringComparison.Ordinal)))
            return Reader.Owner;
        return user.IsInRole("platform") ? Reader.Platform : Reader.Masked;
    }

    public static Recipient Apply(Recipient r) => new(Name(r.Name), Phone(r.Phone), Address(r.Address));

    public static string Phone(string phone) => phone.Length >= 8 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)) : "****";

    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "太史", "申屠", "闻人", "钟离", "赫连", "司空",
    ];

    public static string Name(string name)
    {
        var chars = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(name.Trim());
        while (e.MoveNext()) chars.Add(e.GetTextElement());
        if (chars.Count == 0) return "";
        var kept = chars.Count > 2 && CompoundSurnames.Contains(chars[0] + chars[1], StringComparer.Ordinal) ? 2 : 1;
        if (chars.Count == 1) return "*";
        return string.Concat(chars.Take(kept)) + new string('*', chars.Count - kept);
    }

    [GeneratedRegex(@"^([\u4e00-\u9fff]{1,10}?(?:省|自治区|特别行政区))?([\u4e00-\u9fff]{1,10}?(?:市|自治州|地区|盟))?")]
    private static partial Regex RegionPrefix();

    public static string Address(string address)
    {
        var m = RegionPrefix().Match(address.Trim());
        return m.Value + "****";
    }
}
