namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// A message to the other party, or an internal note that consumers never see, read only by its
/// <see cref="Audience"/> (<see cref="NoteAudiences"/>).
/// </summary>
public sealed class CaseMessage
{
    private CaseMessage() { }

    /// <summary>A message to the other party (<paramref name="audience"/> null), or an internal note for that audience.</summary>
    public CaseMessage(long caseId, string body, NoteAudience? audience, Actor author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CaseId = caseId;
        Body = body;
        Internal = audience is not null;
        Audience = audience;
        AuthorId = author.Id;
        AuthorRole = author.Role;
        At = now;
    }

    public Guid Id { get; private set; }
    public long CaseId { get; private set; }
    public string Body { get; private set; } = "";
    public bool Internal { get; private set; }

    /// <summary>
    /// Who reads the note (null on a message). Notes written before audiences existed were migrated to
    /// <see cref="NoteAudience.Platform"/>; one without an audience is read as such, never as the shop's.
    /// </summary>
    public NoteAudience? Audience { get; private set; }

    public string AuthorId { get; private set; } = "";
    public ActorRole AuthorRole { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The note's audience as readers are filtered by it (null on a message).</summary>
    public NoteAudience? ReadAudience => Internal ? Audience ?? NoteAudience.Platform : null;
}

/// <summary>Evidence: the row holds metadata and a content hash; the bytes live in the attachment store.</summary>
public sealed class CaseAttachment
{
    private CaseAttachment() { }

    public CaseAttachment(long caseId, string fileName, string contentType, long size, string sha256, string storageKey, Actor author, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CaseId = caseId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        AuthorId = author.Id;
        AuthorRole = author.Role;
        At = now;
    }

    public Guid Id { get; private set; }
    public long CaseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public string AuthorId { get; private set; } = "";
    public ActorRole AuthorRole { get; private set; }
    public DateTimeOffset At { get; private set; }
}
