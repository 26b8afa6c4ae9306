namespace AfterSales.Web.Modules.Access.Domain;

/// <summary>
/// An integration key created by an admin. Only the SHA-256 of the key is stored: the key is 256 random bits, so a
/// slow password hash would add nothing against guessing and would cost a hash per request; a fast hash still keeps
/// a leaked table from being usable as keys.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "ask_";

    public string KeyId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    public List<string> ShopIds { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    private ApiKey()
    {
    }

    public ApiKey(string keyId, string name, string hash, List<string> roles, List<string> shopIds, string createdBy, DateTimeOffset now)
    {
        KeyId = keyId;
        Name = name;
        Hash = hash;
        Roles = roles;
        ShopIds = shopIds;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    /// <summary>Revoking twice keeps the first instant.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>The actor id a key acts as (timeline, rate limits).</summary>
    public string ActorId => "apikey:" + KeyId;
}
