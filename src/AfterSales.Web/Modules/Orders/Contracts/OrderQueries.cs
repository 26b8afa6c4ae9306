using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Contracts;
using AfterSales.Web.Modules.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>
/// The orders the web pages read, through the person's <see cref="DataScope"/> (an order outside it is absent, as
/// if it did not exist), with the recipient masked for everyone but its owner (a page view is not an audited whole read).
/// </summary>
public sealed class OrderQueries(AfterSalesDbContext db)
{
    /// <summary>The order, if the person's scope holds it.</summary>
    public async Task<Order?> FindAsync(HttpContext http, string orderNo, CancellationToken ct) =>
        await (await DataScope.OfAsync(http, db, ct)).Orders(db.Orders.AsNoTracking()).FirstOrDefaultAsync(o => o.OrderNo == orderNo, ct);

    /// <summary>The order as a page shows it to <paramref name="http"/>'s user: whole to its owner, the recipient masked to anyone else.</summary>
    public static OrderView ViewFor(HttpContext http, Order order) =>
        OrderView.From(order, masked: RecipientMask.ReaderOf(http.User, order) != RecipientMask.Reader.Owner);

    /// <summary>The order's view for the person, or null when their scope does not hold it.</summary>
    public async Task<OrderView?> ViewAsync(HttpContext http, string orderNo, CancellationToken ct) =>
        await FindAsync(http, orderNo, ct) is { } order ? ViewFor(http, order) : null;

    /// <summary>
    /// A page of the person's orders, newest placed first, keyset-paged by (placing time, number): orders have no
    /// surrogate id; the cursor is opaque base64url.
    /// </summary>
    public async Task<(IReadOnlyList<Order> Orders, string? Next)> PageAsync(HttpContext http, string? cursor, int pageSize, CancellationToken ct)
    {
        var query = (await DataScope.OfAsync(http, db, ct)).Orders(db.Orders.AsNoTracking());
        if (DecodeCursor(cursor) is { } after)
            query = query.Where(o => o.PlacedAt < after.PlacedAt
                || (o.PlacedAt == after.PlacedAt && string.Compare(o.OrderNo, after.OrderNo) < 0));
        var rows = await query.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.OrderNo).Take(pageSize + 1).ToListAsync(ct);
        return (rows.Take(pageSize).ToList(), rows.Count > pageSize ? EncodeCursor(rows[pageSize - 1]) : null);
    }

    /// <summary>
    /// Each order's consumer as staff may see them: the recipient's masked name (张*), else the consumer id. The
    /// recipient is sealed in its column: it is read whole and masked here, never shown or kept unmasked.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> MaskedConsumersAsync(IReadOnlyCollection<string> orderNos, CancellationToken ct)
    {
        var rows = await db.Orders.AsNoTracking().Where(o => orderNos.Contains(o.OrderNo))
            .Select(o => new { o.OrderNo, o.ConsumerId, o.Recipient }).ToListAsync(ct);
        return rows.ToDictionary(o => o.OrderNo,
            o => string.IsNullOrWhiteSpace(o.Recipient.Name) ? o.ConsumerId : RecipientMask.Name(o.Recipient.Name), StringComparer.Ordinal);
    }

    private static string EncodeCursor(Order o) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"o2|{o.PlacedAt.ToString("O", CultureInfo.InvariantCulture)}|{o.OrderNo}"));

    private static (DateTimeOffset PlacedAt, string OrderNo)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            // The time keeps its offset: SQLite compares the stored value, offset included.
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 3);
            return parts.Length == 3 && parts[0] == "o2"
                && DateTimeOffset.TryParseExact(parts[1], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? (at, parts[2]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
