using System.Net;
using System.Net.Sockets;

namespace AfterSales.Web.Modules.Integration.Webhooks.Domain;

/// <summary>
/// Where a webhook may be sent (SSRF): only to public addresses, unless the operator allows private ones
/// (<c>AfterSales:Webhooks:AllowPrivateAddresses</c>). Refused: loopback, "this network" (0.0.0.0/8), private ranges
/// (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), link-local and the cloud metadata service
/// (169.254/16, fe80::/10), multicast, documentation and reserved ranges, and the same addresses inside IPv6
/// (IPv4-mapped, IPv4-compatible, NAT64, 6to4). The URL is checked at subscription (a literal address, or a name that
/// is itself local such as <c>localhost</c>); a name is resolved only when connecting, and every address it resolves
/// to is checked again then (DNS rebinding).
/// </summary>
public static class WebhookDestination
{
    /// <summary>What a try that was refused at connect time records as its error.</summary>
    public const string NotAllowedError = "destination_not_allowed";

    // Names that mean this machine or the cloud's metadata service whatever DNS says (RFC 6761 .localhost; GCP).
    private static readonly string[] LocalNames = ["localhost", "metadata", "metadata.google.internal"];

    /// <summary>
    /// Whether the host of an absolute http(s) URL may be subscribed to. <see cref="Uri"/> has already turned
    /// <c>0x7f000001</c>, <c>2130706433</c>, <c>127.1</c> and <c>017700000001</c> into <c>127.0.0.1</c>; a trailing dot
    /// is taken off here, which <see cref="Uri"/> leaves on.
    /// </summary>
    public static bool IsAllowedHost(Uri uri, bool allowPrivate)
    {
        if (allowPrivate) return true;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host.TrimEnd('.');
        var zone = host.IndexOf('%', StringComparison.Ordinal);
        if (zone >= 0) host = host[..zone];
        if (IPAddress.TryParse(host, out var address)) return IsPublic(address);
        host = host.ToLowerInvariant();
        return !LocalNames.Contains(host) && !host.EndsWith(".localhost", StringComparison.Ordinal);
    }

    /// <summary>Whether a connection to <paramref name="address"/> may be made.</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivate) => allowPrivate || IsPublic(address);

    /// <summary>Whether <paramref name="address"/> is a public unicast address (not one of the ranges above).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsPublicV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6) return IsPublicV4(b[12..]);
        // ::/96 holds :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible addresses: none is a destination.
        if (b[..12].All(x => x == 0)) return false;
        // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0)) return IsPublicV4(b[12..]);
        // 6to4 (2002::/16) carries an IPv4 address in bits 16–47.
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(b[2..6]);
        return !((b[0] & 0xfe) == 0xfc                                 // fc00::/7 unique local (fd00::/8 included)
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)                  // fe80::/10 link-local
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)                  // fec0::/10 site-local (deprecated)
            || b[0] == 0xff                                             // ff00::/8 multicast
            || (b[0] == 0x01 && b[1] == 0x00 && b[2..8].All(x => x == 0)) // 100::/64 discard
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // 2001::/32 Teredo (hides an IPv4 address)
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)); // 2001:db8::/32 documentation
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                        // 0.0.0.0/8 "this network"
        || b[0] == 10                                    // 10/8 private
        || (b[0] == 100 && (b[1] & 0xc0) == 64)          // 100.64/10 carrier-grade NAT
        || b[0] == 127                                   // 127/8 loopback
        || (b[0] == 169 && b[1] == 254)                  // 169.254/16 link-local, 169.254.169.254 metadata
        || (b[0] == 172 && (b[1] & 0xf0) == 16)          // 172.16/12 private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // 192.0.0/24 IETF protocol assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // 192.0.2/24 documentation
        || (b[0] == 192 && b[1] == 168)                  // 192.168/16 private
        || (b[0] == 198 && (b[1] & 0xfe) == 18)          // 198.18/15 benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // 198.51.100/24 documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // 203.0.113/24 documentation
        || b[0] >= 224);                                 // multicast 224/4, reserved 240/4, broadcast
}
