using System.Text.Json.Serialization;

namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>Who reads an internal note. Consumers read neither: a note is never a message to them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoteAudience>)), StoredByWireName(16)]
public enum NoteAudience
{
    /// <summary>Platform staff only (agents, supervisors, the platform): the default for their notes.</summary>
    [JsonStringEnumMemberName("platform")] Platform,

    /// <summary>The shop's staff and the platform: what every merchant's note is.</summary>
    [JsonStringEnumMemberName("shop")] Shop,
}

/// <summary>The rule of note audiences: who may write a note for whom, and who reads it.</summary>
public static class NoteAudiences
{
    /// <summary>Platform staff: the roles whose scope is the platform's, not a shop's or a consumer's.</summary>
    public static bool IsPlatformStaff(ActorRole role) => role is ActorRole.Agent or ActorRole.Supervisor or ActorRole.Platform;

    /// <summary>
    /// The audience of a note <paramref name="author"/> writes, <paramref name="asked"/> or their default: platform
    /// staff write for the platform unless they say the shop; a merchant writes for the shop and the platform, and
    /// may not ask for a note their own shop could not read; a consumer writes no notes at all.
    /// </summary>
    public static NoteAudience For(ActorRole author, NoteAudience? asked)
    {
        if (IsPlatformStaff(author)) return asked ?? NoteAudience.Platform;
        if (author == ActorRole.Merchant && asked is null or NoteAudience.Shop) return NoteAudience.Shop;
        throw new DomainException("case.note_audience_not_allowed", null, new Dictionary<string, object?>
        {
            ["audience"] = asked is { } a ? Wire.Name(a) : null, ["role"] = Wire.Name(author),
        });
    }

    /// <summary>The audiences whose notes <paramref name="viewer"/> reads (none for a consumer or any other role).</summary>
    public static IReadOnlyList<NoteAudience> ReadBy(ActorRole viewer) =>
        IsPlatformStaff(viewer) ? [NoteAudience.Platform, NoteAudience.Shop]
        : viewer == ActorRole.Merchant ? [NoteAudience.Shop]
        : [];
}
