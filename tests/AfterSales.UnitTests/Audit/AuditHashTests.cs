using System.Text;
using AfterSales.Web.Modules.Audit.Domain;

namespace AfterSales.UnitTests.Audit;

/// <summary>
/// The canonical form is a published contract (anyone may recompute a hash outside the service), so these pin its
/// bytes and its SHA-256, computed independently (Python's hashlib over the same text).
/// </summary>
public sealed class AuditHashTests
{
    // 09:02:03.456 in Shanghai is 01:02:03.456 UTC; the extra ticks are below a millisecond and are dropped.
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 5, 1, 9, 2, 3, 456, TimeSpan.FromHours(8)).AddTicks(7_891);

    private static AuditEntry Entry(long position = 3, string actor = "agent-1", string role = "agent", string action = "policy.changed",
        string? target = "shop:s1", string? data = "{\"version\":2,\"note\":\"退款\"}", string? prev = null, DateTimeOffset? at = null) =>
        new(position, AuditHash.CurrentFormat, AuditHash.Normalize(at ?? At), actor, role, action, target, data, prev ?? AuditHash.Genesis);

    [Fact]
    public void CanonicalForm_V1_IsLengthPrefixedUtf8InTheDocumentedOrder()
    {
        var bytes = AuditHash.CanonicalV1(3, AuditHash.Normalize(At), "agent-1", "agent", "policy.changed", "shop:s1",
            "{\"version\":2,\"note\":\"退款\"}", AuditHash.Genesis);
        Assert.Equal("aftersales-audit/1\n1:3\n24:2026-05-01T01:02:03.456Z\n7:agent-1\n5:agent\n14:policy.changed\n7:shop:s1\n"
            + "29:{\"version\":2,\"note\":\"退款\"}\n64:" + new string('0', 64) + "\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Hash_IsSha256OfTheCanonicalForm_AsComputedOutsideTheService()
    {
        Assert.Equal("be60c98af1cfd5818d338e8bd096ed30d3a458f9bb6302b2efe188e3b925ecd2", Entry().Hash);
        Assert.Equal("202c1198e819c04ba410b8859ed16d9a47dd0eeabc15178aec18f3014d25bd03", Entry(target: null, data: null).Hash);
    }

    [Fact]
    public void Normalize_IsUtcToTheMillisecond()
    {
        var n = AuditHash.Normalize(At);
        Assert.Equal(TimeSpan.Zero, n.Offset);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 2, 3, 456, TimeSpan.Zero), n);
        // The same instant written in another offset seals to the same hash.
        Assert.Equal(Entry().Hash, Entry(at: At.ToOffset(TimeSpan.FromHours(-5))).Hash);
    }

    public static TheoryData<string, AuditEntry> Changed => new()
    {
        { "position", Entry(position: 4) },
        { "time", Entry(at: At.AddMilliseconds(1)) },
        { "actor", Entry(actor: "agent-2") },
        { "role", Entry(role: "supervisor") },
        { "action", Entry(action: "calendar.changed") },
        { "target", Entry(target: "shop:s2") },
        { "no target", Entry(target: null) },
        { "empty target", Entry(target: "") },
        { "data", Entry(data: "{\"version\":3,\"note\":\"退款\"}") },
        { "prev", Entry(prev: new string('1', 64)) },
        // Bytes moved across a field boundary: the length prefixes tell them apart.
        { "boundary", Entry(actor: "agent-1a", role: "gent") },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void Hash_ChangesWithEveryField(string field, AuditEntry changed) =>
        Assert.True(Entry().Hash != changed.Hash, $"changing the {field} left the hash as it was");

    [Fact]
    public void Hash_OfAnUnknownFormat_IsRefused()
    {
        var e = Entry();
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Format))!.SetValue(e, 99);
        Assert.Throws<NotSupportedException>(() => AuditHash.Compute(e));
    }
}
