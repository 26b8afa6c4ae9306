using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace AfterSales.Web.Data;

/// <summary>
/// <c>AfterSales:DataProtection</c>: the certificate that encrypts the Data Protection key ring where it is stored
/// (the <c>data_protection_keys</c> table). Without it the keys sit in plain XML beside the data they protect, and a
/// copy of the database opens every encrypted recipient and webhook secret; with it, the copy is useless without the
/// certificate, which operators keep outside the database (a file, a secret store). Keys written earlier under
/// another certificate stay readable when that certificate is listed in <see cref="PreviousCertificatePaths"/>.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "AfterSales:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that protected keys before a certificate rotation (same password).</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];
}

public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration config)
    {
        var o = config.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (string.IsNullOrWhiteSpace(o.CertificatePath)) return builder;
        var current = Load(o.CertificatePath, o.CertificatePassword);
        // Decryption on Linux cannot find the certificate in a machine store: hand every certificate over explicitly.
        return builder.ProtectKeysWithCertificate(current)
            .UnprotectKeysWithAnyCertificate([current, .. o.PreviousCertificatePaths.Select(p => Load(p, o.CertificatePassword))]);
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"AfterSales:DataProtection: the certificate file '{path}' does not exist.");
        var cert = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return cert.HasPrivateKey ? cert
            : throw new InvalidOperationException($"AfterSales:DataProtection: '{path}' has no private key; the key ring could not be read back.");
    }
}
