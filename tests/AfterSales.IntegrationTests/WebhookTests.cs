using Microsoft.EntityFrameworkCore;
namespace AfterSales.IntegrationTests;

/// <summary>
/// Signed webhooks (API.md "Events out") against a real receiver on 127.0.0.1. Each test has its own service and
/// test clock; the webhook worker polls on real time and judges back-off by the test clock, so retries happen only
/// when the test advances time to their instant.
/// </summary>
public abstract class WebhookTests(AfterSalesApp app) : FreshAppTests(app)
{
    protected const string Secret = "whsec-test-0123456789abcdef";
    private const string Route = "/api/v1/webhooks";
    private static readonly int[] BackOffMinutes = [1, 4, 16, 60, 60, 60, 60];

    protected WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>
    /// The receiver listens on 127.0.0.1, which the SSRF guard refuses unless the operator allows private addresses;
    /// <see cref="WebhookDestinationTests"/> runs without it.
    /// </summary>
    public static Dictionary<string, string?> WebhookSettings(bool allowPrivateAddresses = true) =>
        new(ClockSettings.Manual())
        {
            ["AfterSales:Webhooks:PollSeconds"] = "0.1",
            ["AfterSales:Webhooks:AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false",
        };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<string> SubscribeAsync(string path, string secret, params string[] events)
    {
        var r = await Api.PostAsync(Route, new JsonObject
        {
            ["url"] = Receiver.BaseUrl + path, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]), ["secret"] = secret,
        });
        Assert.True(r.StatusCode == 201, r.ToString());
        Assert.DoesNotContain(secret, r.Body, StringComparison.Ordinal);
        return r.Json["webhookId"]!.GetValue<string>();
    }

    private async Task<string> OpenCaseAsync()
    {
        var orderNo = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        return (await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
    }

    private async Task<List<JsonNode>> DeliveriesAsync(string webhookId, string? status = null)
    {
        var r = await Api.GetAsync($"{Route}/{webhookId}/deliveries" + (status is null ? "" : $"?status={status}"));
        Assert.True(r.StatusCode == 200, r.ToString());
        return [.. r.Json["items"]!.AsArray().Select(n => n!)];
    }

    private async Task<JsonNode> OnlyDeliveryAsync(string webhookId) => Assert.Single(await DeliveriesAsync(webhookId));

    private static string Text(JsonNode? n) => n!.GetValue<string>();

    [Fact]
    public async Task CaseCreated_IsDeliveredOnce_SignedWithTheSecret_CarryingItsEventId()
    {
        var webhookId = await SubscribeAsync("/hooks", Secret, "case.created");
        var now = await Api.ClockNowAsync();
        var caseNo = await OpenCaseAsync();

        var hook = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.True(hook.SignedWith(Secret), hook.Signature);
        Assert.False(hook.SignedWith("another-secret-0123456789"));
        Assert.Equal(now.ToUnixTimeSeconds(), hook.Timestamp);
        Assert.Single(hook.V1);
        var body = hook.Json;
        Assert.Equal(hook.EventId, Text(body["id"]));
        Assert.Equal("case.created", Text(body["type"]));
        Assert.Equal(caseNo, Text(body["data"]!["caseNo"]));

        var delivery = await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => Text(d["status"]) == "delivered", d => d.ToJsonString());
        Assert.Equal(hook.EventId, Text(delivery["eventId"]));
        Assert.Equal("case.created", Text(delivery["eventType"]));
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["lastStatusCode"]!.GetValue<int>());
        await Receiver.AssertStillAsync(1);

        var got = await Api.GetAsync($"{Route}/{webhookId}");
        Assert.True(got.StatusCode == 200, got.ToString());
        Assert.DoesNotContain(Secret, got.Body, StringComparison.Ordinal);
        Assert.Null(got.Json["secret"]);

        // At rest the secret is ciphertext: a copy of the database does not let anyone sign as us.
        var stored = await App.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Secret\" AS \"Value\" FROM webhook_subscriptions").SingleAsync());
        Assert.StartsWith(AfterSales.Web.Data.SecretColumn.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedAtTheBackOffInstants_WithTheSameEventId_ThenDelivered()
    {
        Receiver.FailFirst = 3;
        var webhookId = await SubscribeAsync("/hooks", Secret, "*");
        await OpenCaseAsync();
        var first = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Equal(500, first.Answered);
        var pending = await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => d["lastStatusCode"] is not null, d => d.ToJsonString());
        Assert.Equal("pending", Text(pending["status"]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(first.Timestamp).AddMinutes(1).ToUnixTimeSeconds(),
            TestClockApi.Instant(pending["nextAttemptAt"]).ToUnixTimeSeconds());

        var expected = first.Timestamp;
        for (var i = 0; i < 3; i++)
        {
            var wait = BackOffMinutes[i];
            if (wait > 1)
            {
                await Api.AdvanceAsync(TimeSpan.FromMinutes(wait - 1));
                await Receiver.AssertStillAsync(i + 1); // not a minute early
            }
            await Api.AdvanceAsync(TimeSpan.FromMinutes(1));
            expected += wait * 60;
            var hook = (await Receiver.WaitForAsync(i + 2))[i + 1];
            Assert.Equal(expected, hook.Timestamp);
            Assert.Equal(first.EventId, hook.EventId);
            Assert.Equal(first.Body, hook.Body);
            Assert.True(hook.SignedWith(Secret));
        }
        var done = await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => Text(d["status"]) == "delivered", d => d.ToJsonString());
        Assert.Equal(4, done["attempts"]!.GetValue<int>());
        Assert.Null(done["nextAttemptAt"]);
        Assert.Equal(new[] { 500, 500, 500, 200 }, Receiver.Received.Select(r => r.Answered));
    }

    [Fact]
    public async Task AlwaysFailingReceiver_IsDeadAfterEightTries_AndAManualRedeliverySendsItAgain()
    {
        Receiver.FailAlways = true;
        var webhookId = await SubscribeAsync("/hooks", Secret, "case.created");
        await OpenCaseAsync();
        await Receiver.WaitForAsync(1);
        for (var i = 0; i < BackOffMinutes.Length; i++)
        {
            // Planned, not in flight: the next try is the back-off after this one (in flight it is the lease's end).
            var wait = TimeSpan.FromMinutes(BackOffMinutes[i]);
            await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => d["attempts"]!.GetValue<int>() == i + 1
                && d["nextAttemptAt"] is not null && TestClockApi.Instant(d["nextAttemptAt"]) - TestClockApi.Instant(d["lastAttemptAt"]) == wait,
                d => d.ToJsonString());
            await Api.AdvanceAsync(wait);
            await Receiver.WaitForAsync(i + 2);
        }
        var dead = await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => Text(d["status"]) == "dead", d => d.ToJsonString());
        Assert.Equal(8, dead["attempts"]!.GetValue<int>());
        Assert.Equal(500, dead["lastStatusCode"]!.GetValue<int>());
        Assert.Equal("http_500", Text(dead["lastError"])); // a category, never the receiver's body
        Assert.Null(dead["nextAttemptAt"]);
        Assert.Single(Receiver.Received.Select(r => r.EventId).Distinct());
        await Api.AdvanceAsync(TimeSpan.FromHours(6));
        await Receiver.AssertStillAsync(8);
        Assert.Single(await DeliveriesAsync(webhookId, "dead"));
        Assert.Empty(await DeliveriesAsync(webhookId, "pending"));

        Receiver.FailAlways = false;
        var deliveryId = dead["deliveryId"]!.GetValue<long>();
        var again = await Api.PostAsync($"{Route}/deliveries/{deliveryId}/redeliver", null);
        Assert.True(again.StatusCode == 202, again.ToString());
        Assert.Equal("pending", Text(again.Json["status"]));
        var ninth = (await Receiver.WaitForAsync(9))[8];
        Assert.Equal(Receiver.Received[0].EventId, ninth.EventId);
        Assert.Equal(200, ninth.Answered);
        await Eventually.UntilAsync(() => OnlyDeliveryAsync(webhookId), d => Text(d["status"]) == "delivered", d => d.ToJsonString());

        Problems.Assert(await Api.PostAsync($"{Route}/deliveries/987654321/redeliver", null), 404, "webhook.delivery_not_found");
    }

    [Fact]
    public async Task EventTypeNotSubscribed_IsNotSent()
    {
        var other = await SubscribeAsync("/other", Secret, "sla.breached", "refund.requested");
        await SubscribeAsync("/created", Secret, "case.created");
        await OpenCaseAsync();
        await Receiver.WaitForAsync(1, "/created");
        await Receiver.AssertStillAsync(0, "/other");
        Assert.Empty(await DeliveriesAsync(other));
    }

    [Fact]
    public async Task RotatedSecret_DuringTheOverlap_BothSignaturesVerify_AfterIt_OnlyTheNew()
    {
        const string newSecret = "whsec-new-secret-fedcba9876543210";
        var webhookId = await SubscribeAsync("/hooks", Secret, "case.created");
        var rotated = await Api.PostAsync($"{Route}/{webhookId}/rotate-secret", new JsonObject { ["secret"] = newSecret, ["overlapHours"] = 1 });
        Assert.True(rotated.StatusCode == 200, rotated.ToString());
        Assert.DoesNotContain(newSecret, rotated.Body, StringComparison.Ordinal);
        var now = await Api.ClockNowAsync();
        Assert.Equal(now.AddHours(1), TestClockApi.Instant(rotated.Json["previousSecretExpiresAt"]));

        await OpenCaseAsync();
        var during = Assert.Single(await Receiver.WaitForAsync(1));
        Assert.Equal(2, during.V1.Count);
        Assert.True(during.SignedWith(newSecret));
        Assert.True(during.SignedWith(Secret));

        await Api.AdvanceAsync(TimeSpan.FromMinutes(61));
        await OpenCaseAsync();
        var after = (await Receiver.WaitForAsync(2))[1];
        Assert.Single(after.V1);
        Assert.True(after.SignedWith(newSecret));
        Assert.False(after.SignedWith(Secret));
        Assert.Null((await Api.GetAsync($"{Route}/{webhookId}")).Json["previousSecretExpiresAt"]);
    }

    [Fact]
    public async Task BadSubscriptions_Are400WithFieldErrors_AndNothingIsSaved()
    {
        JsonObject Body(string url, JsonArray events, string secret) => new() { ["url"] = url, ["events"] = events, ["secret"] = secret };
        var ok = Receiver.BaseUrl + "/hooks";
        Problems.AssertFields(await Api.PostAsync(Route, Body("/relative/path", ["case.created"], Secret)), "webhook.invalid", "url");
        Problems.AssertFields(await Api.PostAsync(Route, Body("ftp://example.com/x", ["case.created"], Secret)), "webhook.invalid", "url");
        Problems.AssertFields(await Api.PostAsync(Route, Body(ok, [], Secret)), "webhook.invalid", "events");
        Problems.AssertFields(await Api.PostAsync(Route, Body(ok, ["case.created", "case.deleted"], Secret)), "webhook.invalid", "events[1]");
        Problems.AssertFields(await Api.PostAsync(Route, Body(ok, ["*"], "short")), "webhook.invalid", "secret");
        Problems.AssertFields(await Api.PostAsync(Route, Body(ok, ["*"], new string('s', 257))), "webhook.invalid", "secret");
        Problems.AssertFields(await Api.PostAsync(Route, Body("nope", [], "x")), "webhook.invalid", "url", "events", "secret");
        Problems.AssertFields(await Api.PostAsync(Route, new JsonObject()), "webhook.invalid", "url", "events", "secret");
        var list = await Api.GetAsync(Route);
        Assert.True(list.StatusCode == 200, list.ToString());
        Assert.Empty(list.Json["items"]!.AsArray());

        var webhookId = await SubscribeAsync("/hooks", Secret, "case.created");
        Problems.AssertFields(await Api.PostAsync($"{Route}/{webhookId}/rotate-secret", new JsonObject { ["secret"] = "short" }), "webhook.invalid", "secret");
        Problems.AssertFields(await Api.PostAsync($"{Route}/{webhookId}/rotate-secret",
            new JsonObject { ["secret"] = "whsec-new-secret-fedcba9876543210", ["overlapHours"] = 1000 }), "webhook.invalid", "overlapHours");
        Assert.Null((await Api.GetAsync($"{Route}/{webhookId}")).Json["secretRotatedAt"]);
        await OpenCaseAsync();
        Assert.True(Assert.Single(await Receiver.WaitForAsync(1)).SignedWith(Secret));
    }

    [Fact]
    public async Task DeletedSubscription_IsGone_AndStaffOtherThanThePlatformCannotManageWebhooks()
    {
        var webhookId = await SubscribeAsync("/hooks", Secret, "*");
        Assert.Equal(204, (await Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Route}/{webhookId}"))).StatusCode);
        Problems.Assert(await Api.GetAsync($"{Route}/{webhookId}"), 404, "webhook.not_found");
        Problems.Assert(await Api.GetAsync($"{Route}/{webhookId}/deliveries"), 404, "webhook.not_found");
        await OpenCaseAsync();
        await Receiver.AssertStillAsync(0);

        var agent = App.As("agent-1");
        Assert.Equal(403, (await agent.PostAsync(Route, new JsonObject { ["url"] = Receiver.BaseUrl, ["events"] = new JsonArray("*"), ["secret"] = Secret })).StatusCode);
        Assert.Equal(403, (await agent.GetAsync(Route)).StatusCode);
    }
}

public sealed class WebhookTests_Sqlite() : WebhookTests(new SqliteApp { Settings = WebhookSettings() });

public sealed class WebhookTests_Postgres() : WebhookTests(new PostgresApp { Settings = WebhookSettings() });
