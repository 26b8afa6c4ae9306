using System.Globalization;
using AfterSales.Web.Modules.Shops.Contracts;
using AfterSales.Web.Modules.Routing.Contracts;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.Web.Web;

/// <summary>
/// The names people read instead of internal ids (UI.md: people see names): queue id → the queue's name (admin
/// managed, Routing), agent or user id → the agent's name or the user's display name, shop id → the shop's name
/// (<see cref="IShopNames"/>), an order's consumer → the recipient's masked name. Scoped: a page says up front which
/// ids it will print (<see cref="PrepareAsync"/>), the names are read in one query per kind and kept for the
/// request, and the view asks synchronously. An id nobody named reads as itself, made readable, never as an error.
/// </summary>
public sealed class DisplayNames(RoutingQueries routing, OrderQueries orderQueries, IShopNames shopNames)
{
    private Dictionary<string, string>? _queues;
    private readonly Dictionary<string, string?> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _shops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _consumers = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the names of the ids not yet known; ids already asked for are not read again in this request.
    /// <paramref name="orders"/> are order numbers whose consumer is to be named (masked).
    /// </summary>
    public async Task PrepareAsync(IEnumerable<string?>? queues = null, IEnumerable<string?>? people = null,
        IEnumerable<string?>? shops = null, IEnumerable<string?>? orders = null, CancellationToken ct = default)
    {
        // Queues are few and admin-managed: all of them in one query, once.
        if (queues is not null && queues.Any(q => q is not null) && _queues is null)
            _queues = await routing.QueueNamesAsync(ct);

        var newPeople = Missing(people, _people);
        if (newPeople.Count > 0)
        {
            // The routing name (孙丽) first: it is the name colleagues know; the sign-in's display name for anyone else.
            foreach (var (id, name) in await routing.PeopleNamesAsync(newPeople, ct)) _people[id] = name;
            foreach (var id in newPeople) _people.TryAdd(id, null);
        }

        var newShops = Missing(shops, _shops);
        if (newShops.Count > 0)
        {
            var named = await shopNames.NamesAsync(newShops, ct);
            foreach (var id in newShops) _shops[id] = named.TryGetValue(id, out var n) && !string.IsNullOrWhiteSpace(n) ? n : null;
        }

        var newOrders = Missing(orders, _consumers);
        if (newOrders.Count > 0)
        {
            // The recipient is sealed in its column: it is read whole and masked by Orders, never shown or kept unmasked.
            foreach (var (no, name) in await orderQueries.MaskedConsumersAsync(newOrders, ct)) _consumers[no] = name;
            foreach (var no in newOrders) _consumers.TryAdd(no, null);
        }
    }

    /// <summary>The queue's name; an unnamed or unknown queue by its id made readable (platform-review → Platform review).</summary>
    public string Queue(string id) => _queues is not null && _queues.TryGetValue(id, out var name) ? name : Humanise(id);

    /// <summary>The agent's or user's name; someone unknown by their id.</summary>
    public string Person(string id) => _people.GetValueOrDefault(id) ?? id;

    /// <summary>The shop's name; a shop without a profile by its id.</summary>
    public string Shop(string id) => _shops.GetValueOrDefault(id) ?? id;

    /// <summary>The consumer of an order as staff may see them: the recipient's masked name (张*), else the consumer id.</summary>
    public string? ConsumerOf(string orderNo) => _consumers.GetValueOrDefault(orderNo);

    /// <summary>platform-review → Platform review; fresh_food → Fresh food: an id read as words when nothing names it.</summary>
    public static string Humanise(string id)
    {
        var words = id.Replace('_', ' ').Replace('-', ' ').Trim();
        if (words.Length == 0) return id;
        return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static List<string> Missing<T>(IEnumerable<string?>? ids, Dictionary<string, T> known) =>
        ids is null ? [] : [.. ids.OfType<string>().Where(id => id.Length > 0 && !known.ContainsKey(id)).Distinct(StringComparer.Ordinal)];
}
