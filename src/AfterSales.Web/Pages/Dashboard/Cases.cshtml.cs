using System.Globalization;
using AfterSales.Web.Modules.Reporting.Contracts;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Dashboard;

/// <summary>
/// The cases behind a dashboard bar: a keyset page, newest first, with the count, and the same rows as CSV
/// (<c>?handler=csv</c>), streamed so that a large range does not sit in memory.
/// </summary>
public sealed class CasesModel(DashboardReports reports, TimeProvider clock, IStringLocalizer<DashboardUi> d,
    IStringLocalizer<CaseUi> c, Web.DisplayNames names) : PageModel
{
    public const int PageSize = 50;

    /// <summary>CSV rows read per query: a bounded page in memory, and the names of its queues, people and shops read once for it.</summary>
    private const int CsvChunk = 1000;

    public DashboardText Text { get; } = new(d, c);
    public CaseFilter Filter { get; private set; } = null!;
    public bool RangeCorrected { get; private set; }
    public List<string> Invalid { get; } = [];
    public int Total { get; private set; }
    public List<CaseRow> Rows { get; private set; } = [];
    public string? NextHref { get; private set; }
    public bool IsFirstPage { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken ct)
    {
        if (!Read()) return BadRequestPage();
        long afterId = 0;
        if (after is not null && !Cursor.TryDecode(after, out afterId))
        {
            Invalid.Add("after");
            return BadRequestPage();
        }
        Total = await reports.CountAsync(Filter, ct);
        IsFirstPage = after is null;
        Rows = await reports.RowsAsync(Filter, after is null ? null : afterId, PageSize + 1, ct);
        if (Rows.Count > PageSize)
        {
            Rows.RemoveAt(PageSize);
            NextHref = DashboardLinks.To(DashboardLinks.Cases, Filter.ToQuery().Append(new("after", Cursor.Encode(Rows[^1].Id))));
        }
        await names.PrepareAsync(queues: [Filter.Queue], shops: Rows.Select(r => r.ShopId).Append(Filter.Shop), ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!Read()) return BadRequestPage();
        Response.ContentType = Csv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"dashboard-cases-{Filter.Range.FromText}-{Filter.Range.ToText}.csv\"";
        await using var writer = new StreamWriter(Response.Body, Csv.Encoding, bufferSize: 16 * 1024);
        await writer.WriteAsync(Csv.Line(Header));
        // Keyset chunks rather than one open reader: the names of a chunk are read between chunks (one connection
        // runs one command at a time on PostgreSQL), and cases opened meanwhile have larger ids, so none is added midway.
        long? before = null;
        while (true)
        {
            var chunk = await reports.RowsAsync(Filter, before, CsvChunk, ct);
            if (chunk.Count == 0) break;
            await names.PrepareAsync(queues: chunk.Select(r => r.Queue), people: chunk.Select(r => r.Assignee), shops: chunk.Select(r => r.ShopId), ct: ct);
            foreach (var r in chunk) await writer.WriteAsync(Csv.Line(Fields(r)));
            await writer.FlushAsync(ct);
            if (chunk.Count < CsvChunk) break;
            before = chunk[^1].Id;
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private static readonly string[] Header =
    [
        "case_no", "created_at", "type", "type_label", "reason", "reason_label", "status", "status_label", "shop_id", "shop_name",
        "queue", "queue_name", "assignee", "assignee_name", "priority", "priority_label", "sla_breached", "requested_amount", "refunded_amount",
    ];

    private IEnumerable<string?> Fields(CaseRow r) =>
    [
        r.CaseNo, DashboardText.IsoTime(r.CreatedAt), Wire.Name(r.Type), Text.Type(r.Type), Wire.Name(r.Reason), Text.Reason(r.Reason),
        Wire.Name(r.Status), Text.Status(r.Status), r.ShopId, names.Shop(r.ShopId), r.Queue, r.Queue is null ? null : names.Queue(r.Queue),
        r.Assignee, r.Assignee is null ? null : names.Person(r.Assignee), r.Priority, Text.Priority(r.Priority), r.SlaBreached ? "true" : "false",
        r.RequestedAmount.ToString("0.00", CultureInfo.InvariantCulture), r.RefundedAmount.ToString("0.00", CultureInfo.InvariantCulture),
    ];

    /// <summary>What the list shows, in words: one chip per filter besides the range.</summary>
    public IEnumerable<string> Description()
    {
        var f = Filter;
        if (f.Open) yield return d["Filter.Open"];
        if (f.Shop is not null) yield return d["Filter.Shop", names.Shop(f.Shop)];
        if (f.Status is { } s) yield return d["Filter.Status", Text.Status(s)];
        if (f.Type is { } t) yield return d["Filter.Type", Text.Type(t)];
        if (f.Reason is { } r) yield return d["Filter.Reason", Text.Reason(r)];
        if (f.Breached is { } b) yield return b ? d["Filter.Breached"] : d["Filter.NotBreached"];
        if (f.Refunded) yield return d["Filter.Refunded"];
        if (f.Metric is not null) yield return d["Filter.Metric." + (f.Verdict?.ToString() ?? "Any"), Text.Metric(f.Metric)];
        if (f.Queue is not null) yield return d["Filter.Queue", names.Queue(f.Queue)];
    }

    public string CsvHref => DashboardLinks.To(DashboardLinks.Cases, Filter.ToQuery().Prepend(new("handler", "csv")));
    public string FirstHref => DashboardLinks.CasesOf(Filter);
    public string BackHref => DashboardLinks.HomeOf(Filter.Range, Filter.Shop);

    private bool Read()
    {
        var q = Request.Query;
        var range = DashboardRange.Parse(q["from"], q["to"], clock.GetUtcNow(), out var corrected);
        RangeCorrected = corrected;
        Filter = CaseFilter.Parse(range, k => q[k].FirstOrDefault(), Invalid);
        return Invalid.Count == 0;
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
