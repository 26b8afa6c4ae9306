using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Reporting.Contracts;

/// <summary>One case as the dashboard's list and its CSV show it.</summary>
public sealed record CaseRow(long Id, string CaseNo, DateTimeOffset CreatedAt, CaseType Type, CaseReason Reason, CaseStatus Status,
    string ShopId, string? Queue, string? Assignee, string Priority, bool SlaBreached, decimal RequestedAmount, decimal RefundedAmount)
{
    internal static IQueryable<CaseRow> Of(IQueryable<Case> cases) => cases.Select(c => new CaseRow(c.Id, c.CaseNo, c.CreatedAt, c.Type,
        c.Reason, c.Status, c.ShopId, c.Queue, c.Assignee, c.Priority, c.SlaBreached, c.RequestedAmount, c.RefundedAmount));
}
