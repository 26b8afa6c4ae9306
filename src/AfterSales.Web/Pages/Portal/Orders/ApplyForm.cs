using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Pages.Portal.Orders;

/// <summary>One order line in the request form: ticked or not, and how many pieces.</summary>
public sealed class ApplyLine
{
    public int LineNo { get; set; }
    public bool Selected { get; set; }
    public int? Quantity { get; set; }
}

/// <summary>
/// The request form, with the API's own field names (type and reason as wire names). Unticked lines are left out;
/// the use cases validate the rest, so the page restates no rule.
/// </summary>
public sealed class ApplyForm
{
    public List<ApplyLine> Lines { get; set; } = [];
    public string? Type { get; set; }
    public string? Reason { get; set; }
    public string? Description { get; set; }
    public decimal? RequestedRefund { get; set; }

    private List<CaseLineRequest> Chosen() => Lines.Where(l => l.Selected).Select(l => new CaseLineRequest(l.LineNo, l.Quantity ?? 1)).ToList();

    public EligibilityRequest ToEligibility(string orderNo) => new(orderNo, Type, Reason, Chosen(), null);

    public OpenCaseRequest ToOpenCase(string orderNo) => new(orderNo, Type, Reason, Chosen(), RequestedRefund,
        string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), null, "web");
}
