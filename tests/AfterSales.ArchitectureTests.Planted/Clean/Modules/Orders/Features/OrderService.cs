using Clean.Modules.Access.Contracts;
using Clean.Modules.Orders.Domain;

namespace Clean.Modules.Orders.Features;

/// <summary>
/// Orders reaches Access only through its contract (the one module edge of the clean fixture, so no cycle), from a
/// lambda and an async method as in the broken fixture.
/// </summary>
internal sealed class OrderService(IUserDirectory users)
{
    /// <summary>Nested types are exempt from rule 6: their outer type already decides who can reach them.</summary>
    public sealed record Summary(string OrderId, string? Buyer);

    public async Task<IReadOnlyList<Summary>> SummarizeAsync(IEnumerable<Order> orders, CancellationToken ct)
    {
        var rows = new List<Summary>();
        foreach (var order in orders)
            rows.Add(new Summary(order.Id, await users.DisplayNameAsync(order.BuyerId, ct)));
        return rows;
    }

    public Func<Order, Task<string?>> BuyerName(CancellationToken ct) => order => users.DisplayNameAsync(order.BuyerId, ct);
}
