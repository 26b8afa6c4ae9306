using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Policies.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Pages.Portal.Orders;

/// <summary>
/// One of the consumer's orders and the after-sales request on it. "Check" asks the eligibility use case
/// (POST /api/v1/eligibility in-process) and shows its answer in plain words; "Submit" opens the case with the same
/// use case as POST /api/v1/cases, which asks the same question again: a refusal comes back with its explanation.
/// An order outside the consumer's scope is 404, as in the API.
/// </summary>
public sealed class OrderModel(OrderQueries orders, CaseQueries caseQueries, CaseCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)] public string OrderNo { get; set; } = "";

    [BindProperty] public ApplyForm Form { get; set; } = new();

    public OrderView Order { get; private set; } = null!;

    /// <summary>Pieces of each line not yet covered by another live request (what the form offers).</summary>
    public IReadOnlyDictionary<int, int> Available { get; private set; } = new Dictionary<int, int>();

    public IReadOnlyList<CaseSummary> Existing { get; private set; } = [];

    public EligibilityView? Eligibility { get; private set; }

    public UiProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // Start with every line ticked once and the commonest request: a no-reason return.
        Form = new ApplyForm
        {
            Type = "return_refund", Reason = "no_reason_7day",
            Lines = Order.Lines.Select(l => new ApplyLine { LineNo = l.LineNo, Selected = false, Quantity = 1 }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        try
        {
            Eligibility = await commands.CheckEligibilityAsync(HttpContext, Form.ToEligibility(OrderNo), ct);
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            if (problem.Code == "order.not_found") return NotFound();
            return Refused(problem, e);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        try
        {
            var opened = await commands.OpenAsync(HttpContext, Form.ToOpenCase(OrderNo), ct);
            return Redirect($"/portal/cases/{Uri.EscapeDataString(opened.CaseNo)}");
        }
        catch (Exception e) when (UiProblem.From(HttpContext, e) is { } problem)
        {
            // The use case's transaction was rolled back and its half-made case forgotten (CaseCommands), so nothing rides into the page.
            if (problem.Code == "order.not_found") return NotFound();
            return Refused(problem, e);
        }
    }

    private IActionResult Refused(UiProblem problem, Exception e)
    {
        Problem = problem;
        // case.not_eligible carries the decision: show why, not just "no".
        if (e is DomainException { Code: "case.not_eligible" } d && d.Data2.TryGetValue("eligibility", out var v) && v is EligibilityView view)
            Eligibility = view;
        Response.StatusCode = problem.Code == "case.not_eligible" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var order = await orders.FindAsync(HttpContext, OrderNo, ct);
        if (order is null) return false;
        Order = OrderQueries.ViewFor(HttpContext, order);
        var cases = await caseQueries.OfOrderAsync(HttpContext, OrderNo, ct);
        Existing = cases.Select(c => new CaseSummary(c.CaseNo, c.Type, c.Reason, c.Status, c.OrderNo, c.ShopId, null, c.Priority,
            c.RequestedAmount, c.CreatedAt, c.UpdatedAt)).ToList();
        // What the form offers, counted as OpenCase.CoverAsync counts it; that use case still decides on submit.
        var covered = cases.Where(c => c.Status != CaseStatus.Cancelled && c.Type != CaseType.Complaint)
            .SelectMany(c => c.Lines).GroupBy(l => l.LineNo).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        Available = order.Lines.ToDictionary(l => l.LineNo, l => Math.Max(0, l.Quantity - covered.GetValueOrDefault(l.LineNo)));
        if (Form.Lines.Count == 0)
            Form.Lines = order.Lines.Select(l => new ApplyLine { LineNo = l.LineNo, Quantity = 1 }).ToList();
        return true;
    }
}
