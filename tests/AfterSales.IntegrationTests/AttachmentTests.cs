using System.Security.Cryptography;

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

    [Fact]
    public async Task Download_UnknownAttachment_Is404()
    {
        var caseNo = await NewCaseAsync();
        Problems.Assert(await Api.GetAsync($"{Api.Cases}/{caseNo}/attachments/{Guid.NewGuid()}"), 404, "attachment.not_found");
    }
}

public sealed class AttachmentTests_Sqlite(SqliteApp app) : AttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class AttachmentTests_Postgres(PostgresApp app) : AttachmentTests(app), IClassFixture<PostgresApp>;
