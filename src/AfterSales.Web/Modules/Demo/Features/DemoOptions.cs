using AfterSales.Web.Data;

namespace AfterSales.Web.Modules.Demo.Features;

/// <summary>
/// <c>AfterSales:Demo</c>: whether an empty database receives the demo data set on start. Unset means yes on the
/// embedded SQLite default, so that a newcomer's first start shows a living system, and no on PostgreSQL, where a
/// production database must never receive invented orders and refunds by accident.
/// </summary>
internal sealed class DemoOptions
{
    public const string Section = "AfterSales:Demo";

    /// <summary><c>true</c> or <c>false</c> forces the choice; unset (<c>null</c>) follows the provider.</summary>
    public bool? Seed { get; set; }

    public bool ShouldSeed(DatabaseOptions database) => Seed ?? !database.IsPostgres;

    /// <summary>
    /// The demo's stand-in for the payment system: a refund requested while the demo runs is reported paid this many
    /// seconds later, so that a newcomer can follow a return to its end (refunded, closed, rated) without an
    /// integration posting <c>POST /api/v1/refunds/{id}/result</c>. Only where demo data is seeded; 0 turns it off.
    /// </summary>
    public int SettleRefundsAfterSeconds { get; set; } = 20;
}
