using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.UnitTests.Cases;

/// <summary>An uploaded file's name is a label: cleaned of what could break a header or mislead a reader (issue 13 point 7).</summary>
public sealed class AttachmentNameTests
{
    [Theory]
    [InlineData("front.png", "front.png")]
    [InlineData("售后凭证 破损照片（正面）.jpg", "售后凭证 破损照片（正面）.jpg")]
    [InlineData("..\\..\\windows\\evil\u202Egnp.exe\0\"\r\nX.png", "evilgnp.exeX.png")]
    [InlineData("../../etc/passwd\0.png", "passwd.png")]
    [InlineData("a\u200B\u2066b\u2069\u2028c.png", "abc.png")]
    [InlineData("\"q\"<>:|?*.png", "q.png")]
    [InlineData("  many \t  spaces\u3000here .png", "many spaces here .png")]
    [InlineData("evil..png", "evil.png")]
    [InlineData("..", "attachment.png")]
    [InlineData("\r\n", "attachment.png")]
    [InlineData("", "attachment.png")]
    [InlineData(null, "attachment.png")]
    public void Clean_KeepsLettersAndDropsWhatIsNotAName(string? given, string expected) =>
        Assert.Equal(expected, AttachmentName.Clean(given, ".png"));

    [Fact]
    public void Clean_DropsALoneSurrogate() => Assert.Equal("ab.png", AttachmentName.Clean("a\uD800b\uDC00.png", ".png"));

    [Fact]
    public void Clean_CutsALongName_AtACharacterBoundary_KeepingItsExtension()
    {
        var name = AttachmentName.Clean(string.Concat(Enumerable.Repeat("👍图", 200)) + ".jpeg", ".jpg");
        Assert.True(name.Length <= AttachmentName.MaxLength, name.Length.ToString());
        Assert.EndsWith(".jpeg", name, StringComparison.Ordinal);
        Assert.StartsWith("👍图", name, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(name[^6]));
    }
}
