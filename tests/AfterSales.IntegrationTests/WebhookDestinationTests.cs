using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Integration.Webhooks;
using AfterSales.Web.Modules.Integration.Webhooks.Domain;

namespace AfterSales.IntegrationTests;

/// <summary>
/// SSRF through webhooks (issue 13): with the default <c>AfterSales:Webhooks:AllowPrivateAddresses=false</c>, URLs of
/// loopback, private, link-local and metadata addresses (in any spelling) are refused at subscription, and a name
/// that resolves to such an address is refused when the delivery connects, recorded as <c>destination_not_allowed</c>.
/// </summary>
public abstract class WebhookDestinationTests(AfterSalesApp app) : FreshAppTests(app)
{
    private const string Route = "/api/v1/webhooks";
    private const string Secret = "whsec-test-0123456789abcdef";

    public static readonly string[] RefusedUrls =
    [
        "http://127.0.0.1/hook", "http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://017700000001/",
        "http://127.0.0.1./", "http://localhost:8080/hook", "http://169.254.169.254/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://10.0.0.5/", "http://172.16.3.4/", "http://192.168.1.1/",
        "http://0.0.0.0/", "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://[fc00::1]/", "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/",
    ];

    private async Task<int> SubscriptionRowsAsync() => await App.QueryAsync(db => db.Webhooks().CountAsync());

    [Fact]
    public async Task PrivateAndObfuscatedUrls_Are400WithAUrlFieldError_AndNothingIsSaved()
    {
        foreach (var url in RefusedUrls)
        {
            var r = await Api.PostAsync(Route, new JsonObject { ["url"] = url, ["events"] = new JsonArray("*"), ["secret"] = Secret });
            var errors = Problems.AssertFields(r, "webhook.invalid", "url");
            Assert.Equal("a public address: loopback, private, link-local and metadata addresses are not allowed",
                errors["url"]![0]!.GetValue<string>());
            Assert.Single(errors); // the rest of the request was fine
        }
        Assert.Equal(0, await SubscriptionRowsAsync());
        Assert.Empty((await Api.GetAsync(Route)).Json["items"]!.AsArray());

        // A public one is still accepted.
        var ok = await Api.PostAsync(Route, new JsonObject { ["url"] = "https://example.com/hook", ["events"] = new JsonArray("*"), ["secret"] = Secret });
        Assert.True(ok.StatusCode == 201, ok.ToString());
    }

    [Fact]
    public async Task AHostName_ThatResolvesToLoopback_IsRefusedAtConnect_DestinationNotAllowed_AndNothingArrives()
    {
        // This machine's own name: a name (so it passes at subscription) that resolves to a private address, as a
        // rebinding DNS would answer. Where it resolves to a public address this test cannot show anything.
        var name = Dns.GetHostName();
        IPAddress[] addresses;
        try { addresses = await Dns.GetHostAddressesAsync(name, TestContext.Current.CancellationToken); }
        catch (SocketException) { addresses = []; }
        if (addresses.Length == 0 || addresses.Any(WebhookDestination.IsPublic) || !addresses.Any(IPAddress.IsLoopback)
            || !WebhookDestination.IsAllowedHost(new Uri($"http://{name}/"), allowPrivate: false))
            Assert.Skip($"the host name '{name}' does not resolve to loopback only ({string.Join(", ", addresses.Select(a => a.ToString()))})");

        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.BaseUrl).Port;
        var created = await Api.PostAsync(Route, new JsonObject
        {
            ["url"] = $"http://{name}:{port}/hooks", ["events"] = new JsonArray("case.created"), ["secret"] = Secret,
        });
        Assert.True(created.StatusCode == 201, created.ToString());
        var webhookId = created.Json["webhookId"]!.GetValue<string>();

        var orderNo = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");

        var delivery = await Eventually.UntilAsync(async () => (await Api.GetAsync($"{Route}/{webhookId}/deliveries")).Json["items"]!.AsArray(),
            items => items.Count == 1 && items[0]!["lastError"] is not null, items => items.ToJsonString());
        Assert.Equal("destination_not_allowed", delivery[0]!["lastError"]!.GetValue<string>());
        Assert.Null(delivery[0]!["lastStatusCode"]);
        Assert.Equal("pending", delivery[0]!["status"]!.GetValue<string>());
        await receiver.AssertStillAsync(0);
    }
}

public sealed class WebhookDestinationTests_Sqlite() : WebhookDestinationTests(new SqliteApp { Settings = WebhookTests.WebhookSettings(allowPrivateAddresses: false) });

public sealed class WebhookDestinationTests_Postgres() : WebhookDestinationTests(new PostgresApp { Settings = WebhookTests.WebhookSettings(allowPrivateAddresses: false) });
