using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>One request the receiver got, and what it answered.</summary>
public sealed record ReceivedHook(string Path, string Body, string? Signature, string? EventId, int Answered)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The <c>t</c> of <c>AfterSales-Signature</c>.</summary>
    public long Timestamp => long.Parse(Parts("t").Single(), CultureInfo.InvariantCulture);

    /// <summary>Every <c>v1</c> of <c>AfterSales-Signature</c>, in order.</summary>
    public IReadOnlyList<string> V1 => Parts("v1");

    /// <summary>A receiver's check, written here from API.md rather than taken from the service.</summary>
    public bool SignedWith(string secret)
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(Timestamp.ToString(CultureInfo.InvariantCulture) + "." + Body)));
        return V1.Contains(expected);
    }

    private List<string> Parts(string key) =>
        [.. (Signature ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == key).Select(p => p[1])];
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel on port 0) that records every request and answers 500 for the
/// first <see cref="FailFirst"/> calls, or for all while <see cref="FailAlways"/> is set.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedHook> _received = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedHook> Received => [.. _received];

    public bool FailAlways { get; set; }

    public int FailFirst { set => Volatile.Write(ref _failuresLeft, value); }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", (HttpContext http) => receiver.HandleAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = address.TrimEnd('/');
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var fail = FailAlways || Interlocked.Decrement(ref _failuresLeft) >= 0;
        var status = fail ? 500 : 200;
        _received.Enqueue(new ReceivedHook(http.Request.Path, body, http.Request.Headers["AfterSales-Signature"].FirstOrDefault(),
            http.Request.Headers["AfterSales-Event-Id"].FirstOrDefault(), status));
        http.Response.StatusCode = status;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; returns them all.</summary>
    public Task<IReadOnlyList<ReceivedHook>> WaitForAsync(int count, string? path = null) =>
        Eventually.UntilAsync(() => Task.FromResult(Of(path)), r => r.Count >= count, r => $"{r.Count} of {count} webhook requests");

    /// <summary>Waits a while of real time (several worker polls) and asserts that nothing more arrived.</summary>
    public async Task AssertStillAsync(int count, string? path = null)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.Equal(count, Of(path).Count);
    }

    private IReadOnlyList<ReceivedHook> Of(string? path) => [.. _received.Where(r => path is null || r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
