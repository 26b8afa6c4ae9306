using System.Security.Claims;
using System.Text.Json.Serialization;

namespace AfterSales.Web.SharedKernel;

/// <summary>Who acts. <see cref="Platform"/> is the bootstrap integration key and the platform admin: every action.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>)), StoredByWireName(32)]
public enum ActorRole
{
    [JsonStringEnumMemberName("consumer")] Consumer,
    [JsonStringEnumMemberName("merchant")] Merchant,
    [JsonStringEnumMemberName("agent")] Agent,
    [JsonStringEnumMemberName("supervisor")] Supervisor,
    [JsonStringEnumMemberName("platform")] Platform,
    [JsonStringEnumMemberName("system")] System,
}

public sealed record Actor(string Id, ActorRole Role)
{
    public static readonly Actor System = new("system", ActorRole.System);
}

public static class RequestActor
{
    /// <summary>
    /// The person acting in a request. The first role claim is the broadest case role (Access orders the claims).
    /// A principal without one (qa_inspector, trainer, provider_manager) has no case permissions: 403, never a
    /// guessed role.
    /// </summary>
    public static Actor Of(HttpContext http)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var role = http.User.FindFirstValue(ClaimTypes.Role);
        return Wire.TryParse<ActorRole>(role, out var r) && r != ActorRole.System ? new Actor(id, r) : throw new DomainException("auth.forbidden");
    }
}
