using System.Net;
using System.Net.Sockets;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// Issue 13 (7): failed password sign-ins counted per client address, so that a stranger cannot lock a known account
/// by itself. A run of <see cref="AccessOptions.FailuresPerAddress"/> failures from one address (each within the
/// window of the one before) refuses that address until the window has passed since its last failure; a refused
/// attempt checks no password and adds nothing to any account's count. Attempts still running hold a place, so a
/// burst of simultaneous guesses cannot slip past the count. An account's own run of failures ends with the same
/// gap (<see cref="AccountRunIsOver"/>), so failures spread over time do not add up to a lockout either.
/// <para>
/// The counts live in this node's memory (bounded: the longest-quiet entries are forgotten first), not in the
/// database: a failed sign-in is then one memory write, not a contended row, and a node that restarts forgets
/// (its addresses start afresh; an account's old failures then stay counted, as before this rule). With several
/// nodes behind a balancer that spreads one address over them, each node counts its share: choose
/// <c>FailuresPerAddress</c> × nodes below <c>MaxFailedAttempts</c>, or keep a client on one node.
/// </para>
/// </summary>
internal sealed class SignInThrottle(AccessOptions options, TimeProvider clock, ILogger<SignInThrottle> log)
{
    private readonly object _gate = new();
    private readonly Recent<Address> _addresses = new(options.TrackedAddresses);
    private readonly Recent<DateTimeOffset> _accounts = new(options.TrackedAddresses);
    private TimeSpan Window => TimeSpan.FromMinutes(options.FailureWindowMinutes);

    private sealed class Address
    {
        public int Failures;
        public int Running;
        public DateTimeOffset LastFailure;
    }

    /// <summary>The address the rule counts: the connection's (no forwarded headers are trusted), an IPv6 client by its /64.</summary>
    public static string AddressOf(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        // One subscriber holds a whole /64: counting each of its addresses apart would let it try 2^64 times.
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A place for one attempt from <paramref name="address"/>, or null and how long until it may try again.</summary>
    public Attempt? TryBegin(string address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var a = _addresses.Find(address);
            if (a is not null && now - a.LastFailure >= Window) a.Failures = 0;
            if (a is not null && a.Failures + a.Running >= options.FailuresPerAddress)
            {
                // Refused by the count: wait out the window; only by attempts still running: a moment.
                retryAfter = a.Failures >= options.FailuresPerAddress ? a.LastFailure + Window - now : TimeSpan.FromSeconds(1);
                return null;
            }
            a ??= _addresses.Touch(address, new Address());
            a.Running++;
            retryAfter = TimeSpan.Zero;
            return new Attempt(this, address);
        }
    }

    /// <summary>Whether <paramref name="userId"/>'s last failure (on this node) is a window ago or more; unknown: false.</summary>
    public bool AccountRunIsOver(string userId)
    {
        lock (_gate)
            return _accounts.Find(userId) is var last && last != default && clock.GetUtcNow() - last >= Window;
    }

    private void End(string address, bool failed, string? userId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (userId is not null) _accounts.Touch(userId, now);
            if (_addresses.Find(address) is not { } a) return;
            a.Running = Math.Max(0, a.Running - 1);
            if (!failed) return;
            if (now - a.LastFailure >= Window) a.Failures = 0;
            a.Failures++;
            a.LastFailure = now;
            _addresses.Touch(address, a);
            if (a.Failures == options.FailuresPerAddress)
                log.LogInformation("Sign-in attempts from {Address} refused for {Minutes} minutes after {Failures} failures in a row",
                    address, options.FailureWindowMinutes, a.Failures);
        }
    }

    /// <summary>One attempt in progress: ended as failed (wrong name or password, locked) or not; disposing ends it as not.</summary>
    public sealed class Attempt(SignInThrottle throttle, string address) : IDisposable
    {
        private bool _ended;

        /// <summary>A failure of this address, and of <paramref name="userId"/>'s account when the name was known.</summary>
        public void Failed(string? userId)
        {
            if (_ended) return;
            _ended = true;
            throttle.End(address, failed: true, userId);
        }

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            throttle.End(address, failed: false, null);
        }
    }

    /// <summary>At most <c>capacity</c> entries; the least recently touched is dropped first. Callers hold the lock.</summary>
    private sealed class Recent<T>(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, T Value)>> _index = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, T Value)> _order = new();

        public T? Find(string key) => _index.TryGetValue(key, out var node) ? node.Value.Value : default;

        public T Touch(string key, T value)
        {
            if (_index.Remove(key, out var old)) _order.Remove(old);
            else if (_index.Count >= capacity && _order.First is { } oldest)
            {
                _order.RemoveFirst();
                _index.Remove(oldest.Value.Key);
            }
            _index[key] = _order.AddLast((key, value));
            return value;
        }
    }
}
