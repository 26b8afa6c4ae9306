using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>
/// The tables the seeder fills, in the order they must be written (a case needs its order, an event its case).
/// The outbox stays empty: seeded history counts as delivered long ago, and a dispatcher must not replay it.
/// </summary>
internal sealed class SeedSchema
{
    private SeedSchema(AfterSalesDbContext db)
    {
        Orders = SeedTable.For<Order>(db);
        Cases = SeedTable.For<Case>(db);
        // Event ids come from the database, like the service's.
        Timeline = SeedTable.For<TimelineEvent>(db, nameof(TimelineEvent.Id));
        Refunds = SeedTable.For<Refund>(db);
        // The pending automatic step the aggregate planned (Case.Timers); ids from the database, like the service's.
        Timers = SeedTable.For<CaseTimer>(db, nameof(CaseTimer.Id));
        // The SLA clocks the aggregate started, without targets: the first recompute (or change) sets them.
        Clocks = SeedTable.For<SlaClock>(db, nameof(SlaClock.Id));
        OrderLockVersion = Orders.IndexOf(nameof(Order.LockVersion));
        CaseId = Cases.IndexOf(nameof(Case.Id));
        EventCaseId = Timeline.IndexOf(nameof(TimelineEvent.CaseId));
        RefundCaseId = Refunds.IndexOf(nameof(Refund.CaseId));
        TimerCaseId = Timers.IndexOf(nameof(CaseTimer.CaseId));
        ClockCaseId = Clocks.IndexOf(nameof(SlaClock.CaseId));
    }

    public SeedTable Orders { get; }
    public SeedTable Cases { get; }
    public SeedTable Timeline { get; }
    public SeedTable Refunds { get; }
    public SeedTable Timers { get; }
    public SeedTable Clocks { get; }
    public int OrderLockVersion { get; }
    public int CaseId { get; }
    public int EventCaseId { get; }
    public int RefundCaseId { get; }
    public int TimerCaseId { get; }
    public int ClockCaseId { get; }

    public IReadOnlyList<SeedTable> InWriteOrder => [Orders, Cases, Timeline, Refunds, Timers, Clocks];

    public static SeedSchema From(AfterSalesDbContext db) => new(db);
}

/// <summary>The rows of a run of consecutive orders and their cases, written in one transaction.</summary>
internal sealed class SeedChunk(int orders)
{
    public int OrderCount { get; } = orders;
    public List<object?[]> Orders { get; } = new(orders);
    public List<object?[]> Cases { get; } = [];
    public List<object?[]> Timeline { get; } = [];
    public List<object?[]> Refunds { get; } = [];
    public List<object?[]> Timers { get; } = [];
    public List<object?[]> Clocks { get; } = [];

    public long RowCount => Orders.Count + Cases.Count + Timeline.Count + Refunds.Count + Timers.Count + Clocks.Count;

    public IReadOnlyList<object?[]> RowsOf(SeedSchema s, SeedTable t) =>
        t == s.Orders ? Orders : t == s.Cases ? Cases : t == s.Timeline ? Timeline : t == s.Refunds ? Refunds
            : t == s.Timers ? Timers : t == s.Clocks ? Clocks : throw new ArgumentOutOfRangeException(nameof(t));
}
