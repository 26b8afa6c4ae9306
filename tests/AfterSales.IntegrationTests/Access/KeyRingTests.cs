using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests.Access;

/// <summary>
/// The Data Protection key ring encrypted with a certificate (<c>AfterSales:DataProtection:CertificatePath</c>): the
/// keys in <c>data_protection_keys</c> are ciphertext, and another node given the same certificate reads the data.
/// </summary>
public abstract class KeyRingTests(AfterSalesApp app) : FreshAppTests(app)
{
    /// <summary>A fresh self-signed RSA certificate in a temporary .pfx, and the settings that name it.</summary>
    public static Dictionary<string, string?> CertificateSettings()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AfterSales key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, "test-password"));
        return new Dictionary<string, string?>
        {
            ["AfterSales:DataProtection:CertificatePath"] = path,
            ["AfterSales:DataProtection:CertificatePassword"] = "test-password",
        };
    }

    [Fact]
    public async Task TheKeysAreStoredEncrypted_AndAnotherNodeWithTheCertificateReadsTheRecipient()
    {
        var orderNo = Samples.NewId("PD");
        var order = Samples.Order(Samples.NewId("shop"), "consumer-k");
        order["recipient"] = new JsonObject { ["name"] = "王小明", ["phone"] = "13900001111", ["address"] = "北京市朝阳区建国路1号" };
        Assert.Equal(201, (await Api.PutOrderAsync(orderNo, order)).StatusCode);

        var keys = await App.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            // An unencrypted key holds its secret in <masterKey><value>…</value>; an encrypted one only EncryptedData.
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        await using var other = App.StartNode(new Dictionary<string, string?>());
        var read = await other.Api.GetOrderAsync(orderNo);
        Assert.True(read.StatusCode == 200, read.ToString());
        Assert.Equal("13900001111", read.Json["recipient"]!["phone"]!.GetValue<string>());
    }
}

public sealed class KeyRingTests_Sqlite() : KeyRingTests(new SqliteApp { Settings = CertificateSettings() });

public sealed class KeyRingTests_Postgres() : KeyRingTests(new PostgresApp { Settings = CertificateSettings() });
