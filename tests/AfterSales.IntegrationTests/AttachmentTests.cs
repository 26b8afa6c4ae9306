using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests;

/// <summary>Evidence images: the type comes from the bytes, the size is limited, and what was stored can be read back.</summary>
public abstract class AttachmentTests(AfterSalesApp app) : ApiTests(app)
{
    private const long DefaultMaxBytes = 5 * 1024 * 1024;

    private async Task<string> NewCaseAsync()
    {
        var orderNo = await Api.CreateOrderAsync();
        return (await Api.OpenCaseAsync(orderNo, "return_refund"))["caseNo"]!.GetValue<string>();
    }

    private async Task<JsonArray> ListAsync(string caseNo)
    {
        var list = await Api.GetAsync($"{Api.Cases}/{caseNo}/attachments");
        Assert.Equal(200, list.StatusCode);
        return list.Json.AsArray();
    }

    [Theory]
    [InlineData("png", "photo.png", "image/png", "image/png")]
    [InlineData("jpeg", "photo.bin", "application/octet-stream", "image/jpeg")]
    [InlineData("webp", "photo.png", "image/png", "image/webp")]
    public async Task Upload_Image_IsAcceptedWithTheTypeItsBytesShow(string kind, string fileName, string declared, string expected)
    {
        var caseNo = await NewCaseAsync();
        var bytes = Images.Of(kind);
        var response = await Api.UploadAsync(caseNo, bytes, fileName, declared);
        Assert.True(response.StatusCode == 201, response.ToString());
        Assert.Equal(expected, response.Json["contentType"]!.GetValue<string>());
        Assert.Equal(bytes.Length, response.Json["size"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), response.Json["sha256"]!.GetValue<string>());
        Assert.Equal(response.Json["url"]!.GetValue<string>(), response.Header("Location"));
    }

    [Fact]
    public async Task Upload_TextRenamedPng_Is415AndStoresNothing()
    {
        var caseNo = await NewCaseAsync();
        Problems.Assert(await Api.UploadAsync(caseNo, Images.Text(), "evidence.png", "image/png"), 415, "attachment.unsupported_type");
        Assert.Empty(await ListAsync(caseNo));
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413AndStoresNothing()
    {
        var caseNo = await NewCaseAsync();
        var problem = Problems.Assert(await Api.UploadAsync(caseNo, Images.Png((int)DefaultMaxBytes + 1), "big.png", "image/png"), 413, "attachment.too_large");
        Assert.Equal(DefaultMaxBytes, problem["maxBytes"]!.GetValue<long>());
        Assert.Empty(await ListAsync(caseNo));

        var atTheLimit = await Api.UploadAsync(caseNo, Images.Png((int)DefaultMaxBytes), "limit.png", "image/png");
        Assert.Equal(201, atTheLimit.StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutFile_Is400NamingTheField()
    {
        var caseNo = await NewCaseAsync();
        var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Api.Cases}/{caseNo}/attachments") { Content = form });
        Problems.AssertFields(response, "validation.failed", "file");
        Assert.Empty(await ListAsync(caseNo));
    }

    [Fact]
    public async Task Upload_OnUnknownCase_Is404()
    {
        Problems.Assert(await Api.UploadAsync("AS000000000000000", Images.Png(), "p.png", "image/png"), 404, "case.not_found");
    }

    [Fact]
    public async Task Attachments_AreListedInOrderAndDownloadByteForByte()
    {
        var caseNo = await NewCaseAsync();
        var png = Images.Png(300);
        var jpeg = Images.Jpeg(500);
        Assert.Equal(201, (await Api.UploadAsync(caseNo, png, "front.png", "image/png")).StatusCode);
        Assert.Equal(201, (await Api.UploadAsync(caseNo, jpeg, "back.jpg", "image/jpeg")).StatusCode);

        var list = await ListAsync(caseNo);
        Assert.Equal(["front.png", "back.jpg"], list.Select(a => a!["fileName"]!.GetValue<string>()));

        var download = await Api.GetAsync(list[0]!["url"]!.GetValue<string>());
        Assert.Equal(200, download.StatusCode);
        Assert.Equal("image/png", download.MediaType);
        Assert.Equal(png, download.Bytes);
        Assert.Equal(jpeg, (await Api.GetAsync(list[1]!["url"]!.GetValue<string>())).Bytes);
    }

    /// <summary>
    /// An upload whose name is sent as <c>filename*</c> (RFC 5987 percent-encoding), so that it can carry any character,
    /// NUL and CR/LF included, as a hostile client may send it.
    /// </summary>
    private Task<ApiResponse> UploadNamedAsync(string caseNo, byte[] bytes, string contentType, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        file.Headers.TryAddWithoutValidation("Content-Disposition",
            $"form-data; name=\"file\"; filename=\"upload\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        var form = new MultipartFormDataContent { file };
        return Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Api.Cases}/{caseNo}/attachments") { Content = form });
    }

    /// <summary>The names a Content-Disposition header gives: the ASCII <c>filename</c> and the decoded <c>filename*</c>.</summary>
    private static (string? Ascii, string? Utf8) NamesOf(string header)
    {
        var star = Regex.Match(header, @"filename\*=UTF-8''([^;\s]*)", RegexOptions.IgnoreCase);
        var plain = Regex.Match(header, @"filename=(?:""((?:[^""\\]|\\.)*)""|([^;\s]*))", RegexOptions.IgnoreCase);
        return (plain.Success ? (plain.Groups[1].Success ? plain.Groups[1].Value : plain.Groups[2].Value) : null,
            star.Success ? Uri.UnescapeDataString(star.Groups[1].Value) : null);
    }

    /// <summary>What no echoed file name may hold: control, format (bidi overrides, zero-width) and separator characters, path parts, quotes.</summary>
    private static void AssertHarmless(string? name, string where)
    {
        Assert.False(string.IsNullOrEmpty(name), $"{where}: no name");
        var bad = name!.Where(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
            || c is '/' or '\\' or '"').Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(bad.Count == 0, $"{where}: '{name}' holds {string.Join(", ", bad)}");
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.True(name.Length <= 100, $"{where}: {name.Length} characters");
    }

    [Theory]
    [InlineData("../../etc/passwd\u0000.png")]
    [InlineData("evil\u0000\"\r\nX-Injected: 1.png")]
    public async Task Upload_WithANulInItsName_Is400InvalidText_AndStoresNothing(string fileName)
    {
        // Text no person can type is refused in one place for every request (issue 13 point 1), file names included.
        var caseNo = await NewCaseAsync();
        var upload = await UploadNamedAsync(caseNo, Images.Png(200), "image/png", fileName);
        Assert.Equal(400, upload.StatusCode);
        Assert.Equal("request.invalid_text", upload.Json["code"]!.GetValue<string>());
        Assert.Empty(await ListAsync(caseNo));
    }

    [Theory]
    [InlineData("..\\..\\windows\\evil\u202Egnp.exe\"\r\nX-Injected: 1.png")]
    [InlineData("../../etc/passwd.png")]
    [InlineData("\u202Egnp.\u200Bexe\u2066\u2028.png")]
    [InlineData("\"quoted\"; filename=\"evil.exe\".png")]
    [InlineData("..")]
    [InlineData("\r\n")]
    public async Task Upload_WithAHostileName_StoresAndEchoesAHarmlessName(string fileName)
    {
        // Issue 13 point 7: the name was echoed as given in the list and in the download's Content-Disposition.
        var caseNo = await NewCaseAsync();
        var png = Images.Png(200);
        var upload = await UploadNamedAsync(caseNo, png, "image/png", fileName);
        Assert.True(upload.StatusCode == 201, upload.ToString());
        AssertHarmless(upload.Json["fileName"]!.GetValue<string>(), "upload answer");

        var listed = Assert.Single(await ListAsync(caseNo))!;
        var stored = listed["fileName"]!.GetValue<string>();
        AssertHarmless(stored, "list");

        var download = await Api.GetAsync(listed["url"]!.GetValue<string>());
        Assert.Equal(200, download.StatusCode);
        Assert.Equal(png, download.Bytes);
        var header = download.Header("Content-Disposition");
        Assert.NotNull(header);
        Assert.DoesNotContain('\r', header);
        Assert.DoesNotContain('\n', header);
        Assert.StartsWith("attachment", header, StringComparison.Ordinal);
        var (ascii, utf8) = NamesOf(header);
        AssertHarmless(utf8, "filename*");
        Assert.Equal(stored, utf8);
        Assert.NotNull(ascii);
        Assert.All(ascii!, c => Assert.True(c is >= (char)0x20 and < (char)0x7F, $"filename holds U+{(int)c:X4}"));
        Assert.DoesNotContain("..", ascii, StringComparison.Ordinal);
        Assert.DoesNotContain('/', ascii);
    }

    [Fact]
    public async Task Upload_WithAChineseName_KeepsIt_AndTheDownloadGivesItInFilenameStar()
    {
        var caseNo = await NewCaseAsync();
        const string name = "售后凭证 破损照片（正面）.jpg";
        var upload = await UploadNamedAsync(caseNo, Images.Jpeg(300), "image/jpeg", "..\\" + name + "\u202E");
        Assert.True(upload.StatusCode == 201, upload.ToString());
        var listed = Assert.Single(await ListAsync(caseNo))!;
        Assert.Equal(name, listed["fileName"]!.GetValue<string>());

        var download = await Api.GetAsync(listed["url"]!.GetValue<string>());
        Assert.Equal(200, download.StatusCode);
        var header = download.Header("Content-Disposition")!;
        var (ascii, utf8) = NamesOf(header);
        Assert.Equal(name, utf8);
        Assert.NotNull(ascii);
        Assert.All(ascii!, c => Assert.True(c is >= (char)0x20 and < (char)0x7F, $"filename holds U+{(int)c:X4}"));
        Assert.EndsWith(".jpg", ascii, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithAVeryLongName_IsCut_KeepingItsExtension()
    {
        var caseNo = await NewCaseAsync();
        var upload = await UploadNamedAsync(caseNo, Images.Png(200), "image/png", new string('图', 300) + ".png");
        Assert.True(upload.StatusCode == 201, upload.ToString());
        var stored = Assert.Single(await ListAsync(caseNo))!["fileName"]!.GetValue<string>();
        AssertHarmless(stored, "list");
        Assert.EndsWith(".png", stored, StringComparison.Ordinal);
        Assert.StartsWith("图图图", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UnknownAttachment_Is404()
    {
        var caseNo = await NewCaseAsync();
        Problems.Assert(await Api.GetAsync($"{Api.Cases}/{caseNo}/attachments/{Guid.NewGuid()}"), 404, "attachment.not_found");
    }
}

public sealed class AttachmentTests_Sqlite(SqliteApp app) : AttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class AttachmentTests_Postgres(PostgresApp app) : AttachmentTests(app), IClassFixture<PostgresApp>;
