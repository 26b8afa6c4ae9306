using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Resources;
using AfterSales.Web.Web;
using AfterSales.Web.Web.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Pages.Shop;

/// <summary>
/// The merchant's cases (UI.md "Merchant workspace"): tabs by what needs the merchant, with counts; filters kept in
/// the URL; keyset paging newest first; the SLA badge; and bulk agree through the same use case as the case page.
/// Everything is read through the person's <see cref="DataScope"/> (<see cref="WorkQueries"/>), so another shop's cases never appear, not even in a count.
/// </summary>
public sealed class IndexModel(WorkQueries work, CaseQueries queries, CaseCommands cases, TimeProvider clock, IStringLocalizer<WorkUi> text,
    DisplayNames names)
    : PageModel
{
    public const int PageSize = 30;

    public static readonly IReadOnlyList<(string Key, CaseStatus[] Statuses)> Tabs =
    [
        ("todo", [CaseStatus.Requested]),
        ("receive", [CaseStatus.AwaitingReturn, CaseStatus.ReturnInTransit]),
        ("inspect", [CaseStatus.ReturnReceived]),
        ("review", [CaseStatus.PlatformReview]),
        ("all", []),
    ];

    [BindProperty(SupportsGet = true)] public ShopFilter Filter { get; set; } = new();

    public List<WorkRow> Rows { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public List<BulkOutcome> Outcomes { get; private set; } = [];

    /// <summary>A shop column only for someone working for several shops: one shop's staff know whose cases these are.</summary>
    public bool ShowShop { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Agrees to each selected case through the case page's own use case (rules, scope, If-Match with the version the
    /// list showed), one at a time, so one refusal does not stop the others; the outcome of each is reported.
    /// </summary>
    public async Task<IActionResult> OnPostAgreeAsync(string[]? selected, CancellationToken ct)
    {
        foreach (var item in (selected ?? []).Distinct().Take(PageSize))
        {
            var (caseNo, version) = Split(item);
            try
            {
                await cases.ActAsync(HttpContext, caseNo, "agree", new ActionRequest(), version, ct);
                Outcomes.Add(new BulkOutcome(caseNo, true, text["Bulk.Agreed"]));
            }
            catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
            {
                // Outside the scope reads as missing, exactly as on the case page.
                Outcomes.Add(new BulkOutcome(caseNo, false, problem.Detail is null ? problem.Title : problem.Title + " " + problem.Detail));
            }
            // A refused attempt leaves nothing tracked (CaseCommands forgets it), so the next save cannot carry it.
        }
        await LoadAsync(ct);
        return Page();
    }

    private static (string CaseNo, int Version) Split(string item)
    {
        var at = item.LastIndexOf(':');
        return at > 0 && int.TryParse(item.AsSpan(at + 1), out var v) ? (item[..at], v) : (item, 0);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var scope = await queries.ScopeAsync(HttpContext, ct);
        ShowShop = scope.Of != DataScope.Kind.Shops || scope.ShopIds.Count > 1;
        var statuses = Tabs.FirstOrDefault(t => t.Key == Filter.Tab).Statuses ?? [];
        var page = await work.ShopAsync(HttpContext, Filter.ToFilter(), Tabs, statuses, Filter.Cursor, PageSize, ct);
        Counts = page.Counts;
        NextCursor = page.NextCursor;
        Rows = page.Rows;
        if (ShowShop) await names.PrepareAsync(shops: Rows.Select(r => r.Case.ShopId), ct: ct);
    }

    /// <summary>The URL of this list with the current filters and one value changed (tabs, paging).</summary>
    public string Link(string? tab = null, string? cursor = null) =>
        Url.Page("/Shop/Index", new
        {
            tab = tab ?? Filter.Tab, type = Filter.Type, reason = Filter.Reason, sku = Filter.Sku,
            from = Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            cursor,
        })!;
}

public sealed record BulkOutcome(string CaseNo, bool Succeeded, string Message);
