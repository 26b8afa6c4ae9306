namespace AfterSales.Web.Modules.Audit.Domain;

/// <summary>
/// One sealed link of the audit chain. Rows are only ever inserted (by <c>AuditSealer</c>); there is no
/// update or delete path in the service, so any change to a row is tampering, and the chain shows where.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    internal AuditEntry(long position, int format, DateTimeOffset occurredAt, string actorId, string actorRole, string action,
        string? target, string? dataJson, string prevHash)
    {
        Position = position;
        Format = format;
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorRole = actorRole;
        Action = action;
        Target = target;
        DataJson = dataJson;
        PrevHash = prevHash;
        Hash = AuditHash.Compute(this);
    }

    /// <summary>1, 2, 3, … without gaps, in commit order: a missing number is a deleted row.</summary>
    public long Position { get; private set; }

    /// <summary>The version of the canonical form the hash was computed over (<see cref="AuditHash"/>).</summary>
    public int Format { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Target { get; private set; }

    /// <summary>Kept as the exact text that was hashed (not jsonb): an engine that normalizes JSON would break the chain.</summary>
    public string? DataJson { get; private set; }

    public string PrevHash { get; private set; } = "";
    public string Hash { get; private set; } = "";
}

/// <summary>
/// The one-row head of the chain: the last position and hash. Every sealing locks it, which is what orders
/// appends from several requests and nodes; verification also compares it with the last row, so a deleted
/// tail is seen too.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Position { get; set; }
    public string Hash { get; set; } = AuditHash.Genesis;
}
