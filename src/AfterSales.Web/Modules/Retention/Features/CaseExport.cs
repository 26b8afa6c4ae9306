using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Audit.Contracts;

namespace AfterSales.Web.Modules.Retention.Features;

internal sealed record ManifestFile(string Path, long Size, string Sha256);

internal sealed record ManifestActor(string Id, string Role);

internal sealed record ExportManifest(string Format, string CaseNo, DateTimeOffset ExportedAt, ManifestActor ExportedBy, string Signature,
    IReadOnlyList<ManifestFile> Files);

internal sealed record ExportProblem(string Code, string? File, string Detail);

internal sealed record ExportVerification(bool Valid, string? CaseNo, IReadOnlyList<ExportProblem> Problems);

/// <summary>
/// The export of one case's original records (E-commerce Law Art. 62: provide the original transaction records):
/// a zip whose manifest.json lists every file with its size and SHA-256, and manifest.sig, the lowercase hex
/// HMAC-SHA256 of manifest.json's bytes under <c>AfterSales:Export:SigningKey</c>. Outside the service:
/// <c>openssl dgst -sha256 -hmac "$KEY" manifest.json</c> and <c>sha256sum</c> of each file.
/// </summary>
internal static class CaseExport
{
    public const string Format = "aftersales-case-export/1";
    public const string ManifestName = "manifest.json";
    public const string SignatureName = "manifest.sig";
    public const string Algorithm = "HMAC-SHA256";

    private static readonly JsonSerializerOptions Indented = new(Json.Options) { WriteIndented = true };

    public static async Task<FileContentHttpResult> ExportAsync(string caseNo, HttpContext http, AfterSalesDbContext db, TimeProvider clock,
        ExportOptions options, IOptions<AttachmentOptions> attachments, CancellationToken ct)
    {
        var key = KeyOf(options);
        var c = await CaseAccess.LoadAsync(db, caseNo, await Access.Contracts.DataScope.OfAsync(http, db, ct), ct, track: false);
        var view = CaseView.From(c);
        var timeline = await db.Timeline.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).ToListAsync(ct);
        // The original record: internal notes included.
        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        var stored = await db.Attachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);

        var files = new List<(string Path, byte[] Bytes)>
        {
            ("case.json", JsonSerializer.SerializeToUtf8Bytes(view, Indented)),
            ("timeline.json", JsonSerializer.SerializeToUtf8Bytes(timeline.Select(TimelineView.From).ToList(), Indented)),
            ("messages.json", JsonSerializer.SerializeToUtf8Bytes(messages.Select(MessageView.From).ToList(), Indented)),
            ("refunds.json", JsonSerializer.SerializeToUtf8Bytes(view.Refunds, Indented)),
        };
        var attachmentRows = new List<object>();
        foreach (var a in stored)
        {
            var path = System.IO.Path.Combine(attachments.Value.Path, a.StorageKey);
            if (!File.Exists(path))
                throw new DomainException("export.attachment_missing", null, new Dictionary<string, object?> { ["attachmentId"] = a.Id });
            var entry = "attachments/" + System.IO.Path.GetFileName(a.StorageKey);
            files.Add((entry, await File.ReadAllBytesAsync(path, ct)));
            attachmentRows.Add(new { attachmentId = a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.At, author = a.AuthorId, role = a.AuthorRole, file = entry });
        }
        files.Insert(4, ("attachments.json", JsonSerializer.SerializeToUtf8Bytes(attachmentRows, Indented)));

        var actor = RequestActor.Of(http);
        var now = clock.GetUtcNow();
        var manifest = new ExportManifest(Format, c.CaseNo, now, new ManifestActor(actor.Id, Wire.Name(actor.Role)), Algorithm,
            files.Select(f => new ManifestFile(f.Path, f.Bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(f.Bytes)))).ToList());
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, manifestBytes));

        // The export is recorded before any byte leaves: an archive exists only if its audit entry does.
        await using (var tx = await db.Database.BeginWriteAsync(ct))
        {
            AuditLog.Append(db, http, AuditActions.Export, c.CaseNo,
                new { files = files.Count, manifestSha256 = Convert.ToHexStringLower(SHA256.HashData(manifestBytes)) }, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files.Append((ManifestName, manifestBytes)).Append((SignatureName, Encoding.ASCII.GetBytes(signature))))
            {
                var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = now;
                await using var s = await entry.OpenAsync(ct);
                await s.WriteAsync(bytes, ct);
            }
        }
        return TypedResults.File(zip.ToArray(), "application/zip", $"{c.CaseNo}-export.zip");
    }

    public static async Task<Ok<ExportVerification>> VerifyAsync(IFormFile? file, ExportOptions options, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["a multipart field 'file' with the exported zip is required"] }, "export.invalid");
        var key = KeyOf(options);
        await using var input = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return TypedResults.Ok(await CheckAsync(buffer, key, ct));
    }

    /// <summary>Checks an archive: the signature over manifest.json, then every listed file, then files the manifest does not list.</summary>
    public static async Task<ExportVerification> CheckAsync(Stream zip, byte[] key, CancellationToken ct)
    {
        var problems = new List<ExportProblem>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new ExportVerification(false, null, [new("not_a_zip", null, "The upload is not a zip archive.")]);
        }
        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).GroupBy(e => e.FullName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var dup in entries.Where(e => e.Value.Count > 1))
                problems.Add(new("duplicate_file", dup.Key, "The archive holds this name more than once."));
            var manifestBytes = entries.TryGetValue(ManifestName, out var m) ? await ReadAsync(m[0], 16 * 1024 * 1024, ct) : null;
            var sigBytes = entries.TryGetValue(SignatureName, out var s) ? await ReadAsync(s[0], 1024, ct) : null;
            if (manifestBytes is null) problems.Add(new("manifest_missing", ManifestName, "There is no manifest.json."));
            if (sigBytes is null) problems.Add(new("signature_missing", SignatureName, "There is no manifest.sig."));
            if (manifestBytes is not null && sigBytes is not null)
            {
                var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(key, manifestBytes)));
                var given = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(sigBytes).Trim().ToLowerInvariant());
                if (!CryptographicOperations.FixedTimeEquals(expected, given))
                    problems.Add(new("signature_mismatch", ManifestName, "manifest.sig is not the HMAC-SHA256 of manifest.json under this service's key: the manifest or the signature was changed, or another key signed it."));
            }
            ExportManifest? manifest = null;
            if (manifestBytes is not null)
            {
                try
                {
                    manifest = JsonSerializer.Deserialize<ExportManifest>(manifestBytes, Json.Options);
                }
                catch (JsonException)
                {
                }
                if (manifest?.Files is null) problems.Add(new("manifest_unreadable", ManifestName, "manifest.json is not a manifest of this format."));
            }
            if (manifest?.Files is { } listed)
            {
                foreach (var f in listed)
                {
                    if (f?.Path is null || !entries.TryGetValue(f.Path, out var found))
                    {
                        problems.Add(new("file_missing", f?.Path, "A file the manifest lists is not in the archive."));
                        continue;
                    }
                    var bytes = await ReadAsync(found[0], f.Size + 1, ct);
                    if (bytes is null || bytes.LongLength != f.Size)
                        problems.Add(new("file_changed", f.Path, "The file's size differs from the manifest."));
                    else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), f.Sha256, StringComparison.OrdinalIgnoreCase))
                        problems.Add(new("file_changed", f.Path, "The file's SHA-256 differs from the manifest."));
                }
                var names = listed.Where(f => f?.Path is not null).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
                foreach (var extra in entries.Keys.Where(k => k is not ManifestName and not SignatureName && !names.Contains(k)))
                    problems.Add(new("file_unlisted", extra, "The archive holds a file the manifest does not list."));
            }
            return new ExportVerification(problems.Count == 0, manifest?.CaseNo, problems);
        }
    }

    /// <summary>An entry's bytes, or null when it holds more than <paramref name="max"/> bytes (or is not readable).</summary>
    private static async Task<byte[]?> ReadAsync(ZipArchiveEntry entry, long max, CancellationToken ct)
    {
        try
        {
            await using var s = await entry.OpenAsync(ct);
            using var ms = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await s.ReadAsync(chunk, ct)) > 0)
            {
                ms.Write(chunk, 0, n);
                if (ms.Length > max) return null;
            }
            return ms.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static byte[] KeyOf(ExportOptions options) => options.SigningKey is { } k
        ? Encoding.UTF8.GetBytes(k)
        : throw new DomainException("export.not_configured");
}
