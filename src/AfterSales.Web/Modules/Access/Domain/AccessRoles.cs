using System.Security.Claims;

namespace AfterSales.Web.Modules.Access.Domain;

/// <summary>The roles of DOMAIN.md §1 as users and managed keys carry them, and what they mean to the case rules.</summary>
public static class AccessRoles
{
    public const string PlatformAdmin = "platform_admin";

    public static readonly string[] All =
        ["consumer", "merchant", "agent", "supervisor", "qa_inspector", "trainer", PlatformAdmin, "provider_manager"];

    /// <summary>Claim types beside NameIdentifier and Role: what <c>DataScope</c> reads to scope records.</summary>
    public const string AccessRoleClaim = "aftersales:role";
    public const string ShopClaim = "aftersales:shop";
    public const string ConsumerClaim = "aftersales:consumer";
    public const string DisplayNameClaim = "aftersales:display_name";

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>
    /// The actor role the case rules know for an access role. The case module knows consumer, merchant, agent,
    /// supervisor and platform; platform_admin acts as the platform. qa_inspector, trainer and provider_manager map
    /// to nothing: their principals carry no <see cref="ClaimTypes.Role"/> claim of the case kind, so every
    /// role-guarded endpoint refuses them and <c>CaseAccess.ActorOf</c> answers 403 instead of guessing a role.
    /// </summary>
    public static ActorRole? ActorRoleOf(string role) => role switch
    {
        PlatformAdmin => ActorRole.Platform,
        "consumer" => ActorRole.Consumer,
        "merchant" => ActorRole.Merchant,
        "agent" => ActorRole.Agent,
        "supervisor" => ActorRole.Supervisor,
        _ => null,
    };

    /// <summary>
    /// The claims of a person or key. Case roles come broadest first (platform, supervisor, agent, merchant,
    /// consumer): the case module reads the first role claim as the acting role.
    /// </summary>
    public static List<Claim> ClaimsFor(string actorId, string? name, IEnumerable<string> roles, IEnumerable<string> shopIds, string? consumerId)
    {
        var list = roles.ToList();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actorId) };
        if (name is not null) claims.Add(new Claim(ClaimTypes.Name, name));
        foreach (var actorRole in list.Select(ActorRoleOf).OfType<ActorRole>().Distinct().OrderByDescending(r => r))
            claims.Add(new Claim(ClaimTypes.Role, Wire.Name(actorRole)));
        claims.AddRange(list.Select(r => new Claim(AccessRoleClaim, r)));
        claims.AddRange(shopIds.Select(s => new Claim(ShopClaim, s)));
        if (!string.IsNullOrEmpty(consumerId)) claims.Add(new Claim(ConsumerClaim, consumerId));
        return claims;
    }
}
