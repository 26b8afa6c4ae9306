using System.Net;
using System.Net.Sockets;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Integration.Contracts;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;
using AfterSales.Web.Modules.Integration.Webhooks.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.UnitTests.Webhooks;

/// <summary>
/// SSRF at connect time (DNS rebinding): a name that passed at subscription but resolves to a private address is
/// refused by the webhook client's connect callback before any connection is made, and the delivery records a
/// generic category, never what a port answered.
/// </summary>
public sealed class WebhookConnectGuardTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public WebhookConnectGuardTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Dispose();

    /// <summary>A DNS that answers every name with the given addresses (a rebinding attacker's DNS).</summary>
    private sealed class FakeResolver(params IPAddress[] answer) : IWebhookResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            Asked.Add(host);
            return Task.FromResult(answer);
        }
    }

    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static IOptions<WebhookOptions> Options(bool allowPrivate) =>
        Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateAddresses = allowPrivate, TimeoutSeconds = 5 });

    private static async Task<PostResult> PostAsync(string url, IWebhookResolver resolver, bool allowPrivate)
    {
        var options = Options(allowPrivate);
        var guard = new WebhookConnectGuard(resolver, options);
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, ConnectCallback = guard.ConnectAsync };
        var poster = new WebhookPoster(new OneClient(handler), options, NullLogger<WebhookPoster>.Instance);
        var subscription = new WebhookSubscription(url, ["*"], "whsec-test-0123456789abcdef", "platform", DateTimeOffset.UnixEpoch);
        var message = (OutboxMessage)Activator.CreateInstance(typeof(OutboxMessage), nonPublic: true)!;
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.PayloadJson))!.SetValue(message, "{}");
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.Type))!.SetValue(message, "case.created");
        return await poster.PostAsync(subscription, message, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
    }

    private async Task AssertNoConnectionAsync()
    {
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(_listener.Pending(), "a connection reached the listener");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AName_ThatResolvesToLoopback_IsRefusedWithoutConnecting(string address)
    {
        var resolver = new FakeResolver(IPAddress.Parse(address));
        var result = await PostAsync($"http://rebind.example.com:{Port}/hook", resolver, allowPrivate: false);

        Assert.False(result.Success);
        Assert.Null(result.StatusCode);
        Assert.Equal("destination_not_allowed", result.Error);
        Assert.Equal(["rebind.example.com"], resolver.Asked);
        await AssertNoConnectionAsync();
    }

    [Fact]
    public async Task AName_WhoseAnswersAreAllPrivate_IsRefusedWithoutConnecting()
    {
        var result = await PostAsync($"http://rebind.example.com:{Port}/hook",
            new FakeResolver(IPAddress.Parse("169.254.169.254"), IPAddress.Parse("10.0.0.7"), IPAddress.Loopback), allowPrivate: false);
        Assert.Equal("destination_not_allowed", result.Error);
        await AssertNoConnectionAsync();
    }

    [Fact]
    public async Task ALiteralPrivateAddress_StoredBeforeTheCheck_IsRefusedAtConnect()
    {
        // A subscription saved before the subscription check existed: the connect check still holds.
        var resolver = new FakeResolver();
        var result = await PostAsync($"http://127.0.0.1:{Port}/hook", resolver, allowPrivate: false);
        Assert.Equal("destination_not_allowed", result.Error);
        Assert.Empty(resolver.Asked);
        await AssertNoConnectionAsync();
    }

    [Fact]
    public async Task WithAllowPrivateAddresses_TheSameNameConnects()
    {
        var accepted = Task.Run(async () =>
        {
            using var client = await _listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var request = "";
            while (!request.Contains("\r\n\r\n", StringComparison.Ordinal))
                request += System.Text.Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));
            await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 20\r\nConnection: close\r\n\r\nredis_version:7.2.4\n"u8.ToArray(),
                TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken);
        var result = await PostAsync($"http://rebind.example.com:{Port}/hook", new FakeResolver(IPAddress.Loopback), allowPrivate: true);
        await accepted;

        Assert.False(result.Success);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("http_503", result.Error); // the status code only, never the body
    }

    [Fact]
    public async Task ARefusedConnection_IsRecordedAsAGenericCategory_NotTheSocketMessage()
    {
        var port = Port;
        _listener.Stop(); // nothing listens there any more: "Connection refused"
        var result = await PostAsync($"http://rebind.example.com:{port}/hook", new FakeResolver(IPAddress.Loopback), allowPrivate: true);
        Assert.Equal("connection_failed", result.Error);
    }
}
