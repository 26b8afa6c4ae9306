using System.Net;
using System.Net.Sockets;
using AfterSales.Web.Modules.Integration.Contracts;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Modules.Integration.Webhooks.Features;

/// <summary>A connection the guard refused: every address of the destination is a private one (see <see cref="WebhookDestination"/>).</summary>
internal sealed class DestinationNotAllowedException(string host)
    : Exception($"Webhook destination {host} resolves only to addresses that are not allowed");

/// <summary>Resolves a host name to its addresses; replaceable so that tests can play a rebinding DNS.</summary>
internal interface IWebhookResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class SystemWebhookResolver : IWebhookResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, checks every
/// address and connects only to an allowed one, so a name that passed at subscription and resolves to a private
/// address later (DNS rebinding) is still refused, and no byte reaches that address. The client uses no proxy,
/// or this would check the proxy rather than the destination.
/// </summary>
internal sealed class WebhookConnectGuard(IWebhookResolver resolver, IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        var allowed = addresses.Where(a => WebhookDestination.IsAllowed(a, options.Value.AllowPrivateAddresses)).ToList();
        if (allowed.Count == 0) throw new DestinationNotAllowedException(host);
        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
