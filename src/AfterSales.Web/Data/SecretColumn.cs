using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Web.Data;

/// <summary>
/// Shared secrets the service must use again (webhook signing secrets) are stored as <c>sec1:</c> + Data Protection
/// ciphertext under their own purpose: a copy of the database alone does not let anyone forge our signatures.
/// Values written before (plain) stay readable and are sealed when next written. They cannot be hashed like API keys:
/// the service needs the secret itself to sign.
/// </summary>
public static class SecretColumn
{
    public const string Purpose = "AfterSales.Secrets.v1";
    public const string Prefix = "sec1:";

    /// <summary>Under the context's personal-data protector, with a purpose of its own (a ciphertext of one cannot be opened as the other).</summary>
    public static ValueConverter<string, string> Converter(IDataProtector? personalData)
    {
        var protector = personalData?.CreateProtector(Purpose);
        return new ValueConverter<string, string>(
            s => protector == null ? s : Prefix + protector.Protect(s),
            s => s.StartsWith(Prefix) ? Open(protector, s) : s);
    }

    private static string Open(IDataProtector? protector, string stored) =>
        (protector ?? throw new InvalidOperationException("The secret is encrypted and this context has no protector.")).Unprotect(stored[Prefix.Length..]);
}
