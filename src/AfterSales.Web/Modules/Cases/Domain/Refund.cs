namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>
/// One hand-over of money to the payment system (原路退回). Unique per (case, attempt), and at most one
/// <see cref="RefundStatus.Requested"/> refund per case: both are database constraints, not only checks.
/// </summary>
public sealed class Refund
{
    private Refund() { }

    internal Refund(Case c, int attempt, decimal amount, List<RefundAllocation> allocations, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CaseId = c.Id;
        OrderNo = c.OrderNo;
        Attempt = attempt;
        Amount = amount;
        Allocations = allocations;
        Status = RefundStatus.Requested;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public long CaseId { get; private set; }
    public string OrderNo { get; private set; } = "";
    public int Attempt { get; private set; }
    public decimal Amount { get; private set; }
    public List<RefundAllocation> Allocations { get; private set; } = [];
    public RefundStatus Status { get; private set; }
    public string? ExternalRef { get; private set; }
    public string? Message { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    internal void Complete(RefundStatus outcome, string externalRef, string? message, DateTimeOffset now)
    {
        Status = outcome;
        ExternalRef = externalRef;
        Message = message;
        CompletedAt = now;
    }
}

public sealed record RefundAllocation(int LineNo, decimal Amount);
