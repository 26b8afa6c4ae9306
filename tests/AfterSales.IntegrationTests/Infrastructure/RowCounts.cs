using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;
using AfterSales.Web.Modules.Policies.Contracts;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>How many rows each table that a request could write holds (and how far the case counters went): equal snapshots mean nothing was written.</summary>
public sealed record RowCounts(int Cases, int Timeline, int Outbox, int Timers, int Refunds, int Policies, long CaseNumbersIssued)
{
    public static Task<RowCounts> TakeAsync(AfterSalesApp app) => app.QueryAsync(async db => new RowCounts(
        await db.Cases.CountAsync(), await db.Timeline.CountAsync(), await db.Outbox.CountAsync(), await db.Timers.CountAsync(),
        await db.Refunds.CountAsync(), await db.Policies.CountAsync(),
        (await db.Counters.Select(c => c.Value).ToListAsync()).Sum()));
}
