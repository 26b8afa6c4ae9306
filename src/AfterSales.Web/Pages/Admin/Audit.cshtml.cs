using AfterSales.Web.Data;
using AfterSales.Web.Modules.Audit.Features;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// The audit log oldest first, filtered by time in the URL and keyset paged (<c>GET /api/v1/audit</c>'s use case), and
/// the chain verification (<c>POST /api/v1/audit/verify</c>'s), shown as its answer.
/// </summary>
public sealed class AuditModel(AfterSalesDbContext db) : AdminPageModel
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
        Verification = (await AuditEndpoints.VerifyAsync(db, ct)).Value;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        await TryAsync(async () =>
        {
            var page = (await AuditEndpoints.ListAsync(db, ct, Blank(From), Blank(To), "100", Blank(Cursor))).Value!;
            Entries = page.Items;
            NextCursor = page.NextCursor;
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
