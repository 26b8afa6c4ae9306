using System.Text;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>Small byte sequences that start like the image formats the service accepts (and one that does not).</summary>
public static class Images
{
    public static byte[] Png(int size = 64) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8], size);

    public static byte[] Jpeg(int size = 64) => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00], size);

    public static byte[] WebP(int size = 64) => Pad([.. "RIFF"u8, 0x38, 0, 0, 0, .. "WEBPVP8 "u8], size);

    public static byte[] Text() => Encoding.UTF8.GetBytes("this is not an image, only named like one\n");

    public static byte[] Of(string kind) => kind switch
    {
        "png" => Png(),
        "jpeg" => Jpeg(),
        "webp" => WebP(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++) bytes[i] = (byte)(i * 31);
        return bytes;
    }
}
