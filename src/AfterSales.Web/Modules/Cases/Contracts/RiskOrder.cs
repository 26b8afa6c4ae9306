using System.Globalization;
using System.Text;
using AfterSales.Web.Modules.Cases.Domain;

namespace AfterSales.Web.Modules.Cases.Contracts;

/// <summary>
/// The desk's order by SLA risk, computed in the database: a case's risk is the earliest due instant among its
/// counting clocks (running or breached, not stopped, not paused), so a breached case (due in the past) comes first,
/// then the nearest due; cases with no counting clock follow, and cases paused while waiting on the consumer come
/// last. Ties go by id. The keyset cursor is (bucket, due, id), so paging stays exact while the order holds.
/// </summary>
internal static class RiskOrder
{
    public sealed class Ranked
    {
        public required Case Case { get; init; }
        public DateTimeOffset? Due { get; init; }
        public int Bucket { get; init; }
    }

    public static IQueryable<Ranked> Rank(IQueryable<Case> cases) =>
        cases.Select(c => new
            {
                Case = c,
                Due = c.Clocks.Where(k => k.StoppedAt == null && k.State != SlaState.Paused && k.DueAt != null)
                    .OrderBy(k => k.DueAt).Select(k => k.DueAt).FirstOrDefault(),
            })
            .Select(x => new Ranked { Case = x.Case, Due = x.Due, Bucket = x.Due != null ? 0 : x.Case.WaitingOnConsumer ? 2 : 1 });

    public static IQueryable<Ranked> After(IQueryable<Ranked> ranked, string? cursor)
    {
        if (!TryDecode(cursor, out var bucket, out var due, out var id)) return ranked;
        if (bucket == 0)
            return ranked.Where(r => r.Bucket > 0 || (r.Bucket == 0 && (r.Due > due || (r.Due == due && r.Case.Id > id))));
        return ranked.Where(r => r.Bucket > bucket || (r.Bucket == bucket && r.Case.Id > id));
    }

    public static IOrderedQueryable<Ranked> Order(IQueryable<Ranked> ranked) =>
        ranked.OrderBy(r => r.Bucket).ThenBy(r => r.Due).ThenBy(r => r.Case.Id);

    public static string Encode(Ranked last) => Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"r1:{last.Bucket}:{(last.Due?.UtcTicks ?? 0)}:{last.Case.Id}"))).Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string? cursor, out int bucket, out DateTimeOffset due, out long id)
    {
        (bucket, due, id) = (0, default, 0);
        if (string.IsNullOrEmpty(cursor)) return false;
        try
        {
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(cursor.Replace('-', '+').Replace('_', '/'))).Split(':');
            if (parts.Length != 4 || parts[0] != "r1") return false;
            bucket = int.Parse(parts[1], CultureInfo.InvariantCulture);
            due = new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero);
            id = long.Parse(parts[3], CultureInfo.InvariantCulture);
            return bucket is >= 0 and <= 2;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
