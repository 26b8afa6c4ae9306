using System.Globalization;
using AfterSales.Web.Modules.Audit.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// The audit log oldest first, filtered by time in the URL and keyset paged (<c>GET /api/v1/audit</c>'s use case), and
/// the chain verification (<c>POST /api/v1/audit/verify</c>'s), shown as its answer.
/// </summary>
public sealed class AuditModel(AuditAdmin audit) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public IReadOnlyList<AuditEntryView> Entries { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await audit.VerifyAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        await TryAsync(async () =>
        {
            var page = await audit.ListAsync(Instant(From, 0), Instant(To, 1), "100", Blank(Cursor), ct);
            Entries = page.Items;
            NextCursor = page.NextCursor;
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// A day from the date box as the API's instant: the start of that day (<paramref name="days"/> 0) or of the next
    /// (1, so "to" includes the day named) in the platform's zone, whatever the server's or reader's zone. Anything
    /// else (an instant with its offset, as the page took before) goes to the API unchanged, with its checks.
    /// </summary>
    internal static string? Instant(string? value, int days)
    {
        if (Blank(value) is not { } text) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return text;
        var local = day.AddDays(days).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, SharedKernel.PlatformTime.Zone.GetUtcOffset(local)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>What the date box shows: the day itself, or an old-style instant's day in the platform's zone.</summary>
    public static string? DateOf(string? value)
    {
        if (Blank(value) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return text;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? TimeZoneInfo.ConvertTime(t, SharedKernel.PlatformTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }
}
