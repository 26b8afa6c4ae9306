using System.Security.Cryptography;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Cases.Features;

/// <summary>Evidence photos. The type is sniffed from the bytes, never trusted from the name or header.</summary>
internal static class Attachments
{
    public static async Task<Created<AttachmentView>> PostAsync(string caseNo, IFormFile? file, HttpContext http,
        AfterSalesDbContext db, TimeProvider clock, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var view = await AddAsync(caseNo, file, () => RequestActor.Of(http), () => DataScope.OfAsync(http, db, ct), db, clock, options, ct);
        return TypedResults.Created(view.Url, view);
    }

    /// <summary>The same use case with the uploader and their scope named.</summary>
    public static Task<AttachmentView> AddAsync(string caseNo, IFormFile? file, Actor actor, DataScope scope,
        AfterSalesDbContext db, TimeProvider clock, IOptions<AttachmentOptions> options, CancellationToken ct) =>
        AddAsync(caseNo, file, () => actor, () => Task.FromResult(scope), db, clock, options, ct);

    // The actor and scope are asked for where the API always asked (after the file's checks), so its answers keep their order.
    private static async Task<AttachmentView> AddAsync(string caseNo, IFormFile? file, Func<Actor> actorOf, Func<Task<DataScope>> scopeOf,
        AfterSalesDbContext db, TimeProvider clock, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["a multipart field 'file' with an image is required"] });
        var max = options.Value.MaxBytes;
        if (file.Length > max)
            throw new DomainException("attachment.too_large", null, new Dictionary<string, object?> { ["maxBytes"] = max });
        var id = await CaseAccess.IdOfAsync(db, caseNo, await scopeOf(), ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var (contentType, ext) = ImageSniffer.Detect(bytes) ?? throw new DomainException("attachment.unsupported_type");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = $"{caseNo}/{Guid.CreateVersion7(clock.GetUtcNow()):N}{ext}";
        var path = System.IO.Path.Combine(options.Value.Path, key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        // The uploader's name is a label: stored without control or bidi characters, path parts or quotes (issue 13).
        var row = new CaseAttachment(id, AttachmentName.Clean(file.FileName, ext), contentType, bytes.Length, sha, key, actorOf(), clock.GetUtcNow());
        db.Attachments.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path); // no orphan bytes for a row that was never written
            throw;
        }
        return ViewOf(caseNo, row);
    }

    public static async Task<Ok<List<AttachmentView>>> ListAsync(string caseNo, HttpContext http, AfterSalesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListOfAsync(caseNo, await DataScope.OfAsync(http, db, ct), db, ct));

    public static async Task<List<AttachmentView>> ListOfAsync(string caseNo, DataScope scope, AfterSalesDbContext db, CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, scope, ct);
        var rows = await db.Attachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.At).ToListAsync(ct);
        return rows.Select(r => ViewOf(caseNo, r)).ToList();
    }

    public static async Task<FileStreamHttpResult> ContentAsync(string caseNo, Guid attachmentId, HttpContext http, AfterSalesDbContext db,
        IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var id = await CaseAccess.IdOfAsync(db, caseNo, await DataScope.OfAsync(http, db, ct), ct);
        var row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.CaseId == id && a.Id == attachmentId, ct)
            ?? throw new DomainException("attachment.not_found");
        var stream = File.OpenRead(System.IO.Path.Combine(options.Value.Path, row.StorageKey));
        // Content-Disposition per RFC 6266: the framework's SetHttpFileName writes `filename="…"` (ASCII, others as
        // '_') and `filename*=UTF-8''…`; the name is cleaned again for rows stored before names were.
        return TypedResults.File(stream, row.ContentType, NameOf(row));
    }

    private static string UrlOf(string caseNo, Guid id) => $"/api/v1/cases/{caseNo}/attachments/{id}";

    private static AttachmentView ViewOf(string caseNo, CaseAttachment a) =>
        new(a.Id, NameOf(a), a.ContentType, a.Size, a.Sha256, UrlOf(caseNo, a.Id), a.At);

    /// <summary>The name shown and downloaded: the stored one, cleaned (a no-op for names stored since they are cleaned on upload).</summary>
    private static string NameOf(CaseAttachment a) =>
        AttachmentName.Clean(a.FileName, ImageSniffer.ExtensionOf(a.ContentType));
}

internal static class ImageSniffer
{
    /// <summary>JPEG, PNG and WebP by their magic bytes.</summary>
    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ("image/jpeg", ".jpg");
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ".png");
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", ".webp");
        return null;
    }

    /// <summary>The extension of a type <see cref="Detect"/> answers.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => "",
    };
}
