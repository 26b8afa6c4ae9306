using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Modules.Access.Domain;

/// <summary>
/// A person who signs in (ASP.NET Core Identity). Roles are Identity roles; the shops a merchant's staff work for and
/// the consumer a buyer is are stored here for the per-record scoping that comes next.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public List<string> ShopIds { get; set; } = [];
    public string? ConsumerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
