namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>Where evidence images are kept and how large one may be (retention and export read the same place).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "AfterSales:Attachments";

    /// <summary>Where the bytes live, outside the database row (default <c>./data/attachments</c>).</summary>
    public string Path { get; set; } = "./data/attachments";

    /// <summary>The documented size limit: 5 MiB per image by default.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}
