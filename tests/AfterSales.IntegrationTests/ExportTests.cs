using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Export of one case's original records (issue 5, scope 7): a zip with the case, timeline, messages (internal notes
/// included), refunds and attachment files, a manifest of SHA-256 hashes and its HMAC-SHA256 signature, checked here
/// as an outside verifier would; tampering fails <c>POST /exports/verify</c>; each export is audited; platform only.
/// </summary>
public abstract class ExportTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Verify = "/api/v1/exports/verify";

    /// <summary>A refund_only case, refunded and closed, with a message, an internal note and an image.</summary>
    private async Task<(string CaseNo, byte[] Image)> FullCaseAsync()
    {
        var orderNo = await Api.CreateOrderAsync();
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 1)]))["caseNo"]!.GetValue<string>();
        Assert.Equal(201, (await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "请上传照片", ["internal"] = false })).StatusCode);
        Assert.Equal(201, (await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "internal: looks genuine", ["internal"] = true })).StatusCode);
        var image = Images.Png(300);
        Assert.Equal(201, (await Api.UploadAsync(caseNo, image, "evidence.png", "image/png")).StatusCode);
        var refundId = (await Api.DoAsync(caseNo, "agree"))["refunds"]![0]!["refundId"]!.GetValue<string>();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-EXPORT-1")).StatusCode);
        await Api.DoAsync(caseNo, "close");
        return (caseNo, image);
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    private static byte[] Zip(Dictionary<string, byte[]> files)
    {
        using var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in files)
            {
                using var s = archive.CreateEntry(name).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    private static Task<ApiResponse> VerifyAsync(Api api, byte[] zip)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var form = new MultipartFormDataContent { { file, "file", "export.zip" } };
        return api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Verify) { Content = form });
    }

    private async Task<byte[]> ExportAsync(string caseNo)
    {
        var response = await Api.GetAsync($"{Api.Cases}/{caseNo}/export");
        Assert.True(response.StatusCode == 200, response.ToString());
        Assert.Equal("application/zip", response.MediaType);
        return response.Bytes;
    }

    [Fact]
    public async Task Export_HoldsTheRecords_HashesMatch_AndTheSignatureVerifiesOutsideTheService()
    {
        var (caseNo, image) = await FullCaseAsync();
        var files = Unzip(await ExportAsync(caseNo));

        Assert.Contains("case.json", files.Keys);
        Assert.Contains("timeline.json", files.Keys);
        Assert.Contains("refunds.json", files.Keys);
        var caseJson = JsonNode.Parse(files["case.json"])!;
        Assert.Equal(caseNo, caseJson["caseNo"]!.GetValue<string>());
        Assert.Equal("closed", caseJson["status"]!.GetValue<string>());
        var timeline = JsonNode.Parse(files["timeline.json"])!.AsArray();
        Assert.Equal((await Api.TimelineAsync(caseNo)).Count, timeline.Count);
        var messages = JsonNode.Parse(files["messages.json"])!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m!["internal"]!.GetValue<bool>() && m["body"]!.GetValue<string>() == "internal: looks genuine");
        var refunds = JsonNode.Parse(files["refunds.json"])!.AsArray();
        Assert.Equal("succeeded", Assert.Single(refunds)!["status"]!.GetValue<string>());
        var attachment = Assert.Single(files, f => f.Key.StartsWith("attachments/", StringComparison.Ordinal));
        Assert.Equal(image, attachment.Value);

        var manifestBytes = files["manifest.json"];
        var manifest = JsonNode.Parse(manifestBytes)!;
        Assert.Equal(caseNo, manifest["caseNo"]!.GetValue<string>());
        Assert.Equal("integration:bootstrap", manifest["exportedBy"]!["id"]!.GetValue<string>());
        Assert.NotNull(manifest["exportedAt"]);
        var listed = manifest["files"]!.AsArray();
        Assert.Equal(files.Keys.Where(k => k is not "manifest.json" and not "manifest.sig").Order(), listed.Select(f => f!["path"]!.GetValue<string>()).Order());
        foreach (var f in listed)
        {
            var bytes = files[f!["path"]!.GetValue<string>()];
            Assert.Equal(bytes.LongLength, f["size"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), f["sha256"]!.GetValue<string>());
        }
        // What an auditor does with openssl: HMAC-SHA256 of manifest.json's bytes under the configured key, in hex.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AfterSalesApp.ExportSigningKey), manifestBytes));
        Assert.Equal(expected, Encoding.ASCII.GetString(files["manifest.sig"]));

        var verified = await VerifyAsync(Api, Zip(files));
        Assert.True(verified.StatusCode == 200, verified.ToString());
        Assert.True(verified.Json["valid"]!.GetValue<bool>(), verified.ToString());
        Assert.Empty(verified.Json["problems"]!.AsArray());
    }

    [Fact]
    public async Task Verify_ATamperedFile_OrManifest_OrSignature_IsInvalid()
    {
        var (caseNo, _) = await FullCaseAsync();
        var original = await ExportAsync(caseNo);
        var ok = await VerifyAsync(Api, original);
        Assert.True(ok.Json["valid"]!.GetValue<bool>(), ok.ToString());

        var files = Unzip(original);
        var changedFile = new Dictionary<string, byte[]>(files) { ["messages.json"] = Encoding.UTF8.GetBytes("[]") };
        var r1 = await VerifyAsync(Api, Zip(changedFile));
        Assert.False(r1.Json["valid"]!.GetValue<bool>());
        Assert.Contains(r1.Json["problems"]!.AsArray(), p => p!["code"]!.GetValue<string>() == "file_changed" && p["file"]!.GetValue<string>() == "messages.json");

        // The manifest rewritten to match the changed file: its signature no longer holds.
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        foreach (var f in manifest["files"]!.AsArray())
            if (f!["path"]!.GetValue<string>() == "messages.json")
            {
                f["size"] = 2;
                f["sha256"] = Convert.ToHexStringLower(SHA256.HashData("[]"u8));
            }
        var changedManifest = new Dictionary<string, byte[]>(changedFile) { ["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString()) };
        var r2 = await VerifyAsync(Api, Zip(changedManifest));
        Assert.False(r2.Json["valid"]!.GetValue<bool>());
        Assert.Equal(["signature_mismatch"], r2.Json["problems"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()));

        var extra = new Dictionary<string, byte[]>(files) { ["attachments/extra.png"] = Images.Png() };
        var r3 = await VerifyAsync(Api, Zip(extra));
        Assert.False(r3.Json["valid"]!.GetValue<bool>());
        Assert.Contains(r3.Json["problems"]!.AsArray(), p => p!["code"]!.GetValue<string>() == "file_unlisted");

        var notZip = await VerifyAsync(Api, Images.Png());
        Assert.False(notZip.Json["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Export_IsAudited_WithTheCaseAsTarget()
    {
        var (caseNo, _) = await FullCaseAsync();
        await ExportAsync(caseNo);
        var entries = await AuditTests.AllEntriesAsync(Api);
        var entry = Assert.Single(entries, e => e["action"]!.GetValue<string>() == "export" && e["target"]?.GetValue<string>() == caseNo);
        Assert.Equal("platform", entry["role"]!.GetValue<string>());
        var verified = await AuditTests.VerifyAsync(Api);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
    }

    [Fact]
    public async Task Export_Retention_AndVerify_AreForThePlatformOnly()
    {
        var (caseNo, _) = await FullCaseAsync();
        var supervisor = App.As("supervisor-1");
        Problems.Assert(await supervisor.GetAsync($"{Api.Cases}/{caseNo}/export"), 403, "auth.forbidden");
        Problems.Assert(await supervisor.GetAsync($"{Api.Cases}/{caseNo}/retention"), 403, "auth.forbidden");
        Problems.Assert(await supervisor.GetAsync("/api/v1/retention/due"), 403, "auth.forbidden");
        Problems.Assert(await VerifyAsync(supervisor, Zip(new() { ["a"] = [1] })), 403, "auth.forbidden");
        Problems.Assert(await Api.GetAsync($"{Api.Cases}/NO-SUCH-CASE/export"), 404, "case.not_found");
    }
}

public sealed class ExportTests_Sqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportTests_Postgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
