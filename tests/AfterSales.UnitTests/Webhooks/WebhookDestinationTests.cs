using System.Net;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;

namespace AfterSales.UnitTests.Webhooks;

/// <summary>SSRF (issue 13): which webhook URLs and addresses are refused, in every spelling an attacker might use.</summary>
public sealed class WebhookDestinationTests
{
    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.0.0.2:8080/")]
    [InlineData("http://0x7f000001/")]           // hexadecimal
    [InlineData("http://2130706433/")]           // one decimal number
    [InlineData("http://127.1/")]                // short form
    [InlineData("http://017700000001/")]         // octal
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://127.0.0.1./")]           // trailing dot: Uri calls it a name
    [InlineData("http://localhost:5000/")]
    [InlineData("http://LOCALHOST./")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")] // cloud metadata
    [InlineData("http://169.254.1.1/")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://Metadata.Google.Internal./")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://10.255.255.255/")]
    [InlineData("http://172.16.0.1/")]
    [InlineData("http://172.31.255.254/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    [InlineData("http://0.1.2.3/")]
    [InlineData("http://100.64.0.1/")]           // carrier-grade NAT
    [InlineData("http://100.127.255.255/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://255.255.255.255/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[fc00::1]/")]
    [InlineData("http://[fdff:ffff::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[ff02::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]   // IPv4-mapped IPv6
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://[::ffff:192.168.0.1]/")]
    [InlineData("http://[::127.0.0.1]/")]        // IPv4-compatible (deprecated)
    [InlineData("http://[64:ff9b::7f00:1]/")]    // NAT64 of 127.0.0.1
    [InlineData("http://[2002:7f00:1::]/")]      // 6to4 of 127.0.0.1
    [InlineData("https://127.0.0.1/")]
    public void PrivateOrLocalHosts_AreRefusedAtSubscription(string url)
    {
        var uri = new Uri(url);
        Assert.False(WebhookDestination.IsAllowedHost(uri, allowPrivate: false), $"{url} (host {uri.Host}) was allowed");
        Assert.True(WebhookDestination.IsAllowedHost(uri, allowPrivate: true));
    }

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("http://93.184.216.34/hook")]
    [InlineData("https://hooks.erp.example:8443/in")]
    [InlineData("http://8.8.8.8/")]
    [InlineData("http://172.32.0.1/")]           // just past 172.16/12
    [InlineData("http://172.15.255.255/")]
    [InlineData("http://100.128.0.1/")]          // just past 100.64/10
    [InlineData("http://11.0.0.1/")]
    [InlineData("http://[2606:2800:220:1:248:1893:25c8:1946]/")]
    [InlineData("http://[::ffff:93.184.216.34]/")]
    [InlineData("http://[64:ff9b::5db8:d822]/")]  // NAT64 of 93.184.216.34
    [InlineData("https://localhost.example.com/")]
    [InlineData("https://metadata.example.com/")]
    public void PublicHosts_AreAllowed(string url) => Assert.True(WebhookDestination.IsAllowedHost(new Uri(url), allowPrivate: false));

    [Theory]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://127.1/")]
    [InlineData("http://017700000001/")]
    public void Uri_NormalizesObfuscatedLoopback_ToDottedDecimal(string url)
    {
        var uri = new Uri(url);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.Equal(UriHostNameType.IPv4, uri.HostNameType);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void IsPublic_ForResolvedAddresses(string address, bool expected)
    {
        Assert.Equal(expected, WebhookDestination.IsPublic(IPAddress.Parse(address)));
        Assert.Equal(expected, WebhookDestination.IsAllowed(IPAddress.Parse(address), allowPrivate: false));
        Assert.True(WebhookDestination.IsAllowed(IPAddress.Parse(address), allowPrivate: true));
    }
}
