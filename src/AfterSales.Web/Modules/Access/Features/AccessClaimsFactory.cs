using System.Security.Claims;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// The one place a person's claims are made, for the cookie (web UI) and for bearer tokens alike: the case role
/// broadest first, the access roles, the shops and the consumer id (<see cref="AccessRoles.ClaimsFor"/>), and
/// Identity's security stamp so that the cookie is re-validated against the stored user.
/// </summary>
internal sealed class AccessClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options) : IUserClaimsPrincipalFactory<AppUser>
{
    public async Task<ClaimsPrincipal> CreateAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var claims = AccessRoles.ClaimsFor(user.Id, user.UserName, roles, user.ShopIds, user.ConsumerId);
        if (!string.IsNullOrEmpty(user.DisplayName)) claims.Add(new Claim(AccessRoles.DisplayNameClaim, user.DisplayName));
        if (users.SupportsUserSecurityStamp)
            claims.Add(new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
