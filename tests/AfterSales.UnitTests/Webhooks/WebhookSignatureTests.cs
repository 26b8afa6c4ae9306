using AfterSales.Web.Modules.Integration.Webhooks.Domain;

namespace AfterSales.UnitTests.Webhooks;

/// <summary>API.md "Events out": <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-0123456789abcdef";
    private const string Body = "{\"id\":\"x\"}";

    [Fact]
    public void Compute_MatchesAnIndependentHmacOfTimestampDotBody()
    {
        // Computed outside .NET: python3 hmac.new(secret, b'1700000000.{"id":"x"}', sha256).hexdigest()
        Assert.Equal("de2f08b80d833e3f05575a48d85c74029b51b44eb4a37cc6e0aa6387de9ecbb6", WebhookSignature.Compute(Secret, 1700000000, Body));
    }

    [Fact]
    public void HeaderValue_WithTwoSecrets_CarriesTheTimestampAndOneV1PerSecret_NewFirst()
    {
        var header = WebhookSignature.HeaderValue(1700000000, Body, ["new-secret-0123456789", Secret]);
        Assert.StartsWith("t=1700000000,v1=", header, StringComparison.Ordinal);
        Assert.EndsWith(",v1=de2f08b80d833e3f05575a48d85c74029b51b44eb4a37cc6e0aa6387de9ecbb6", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(header, Body, Secret));
        Assert.True(WebhookSignature.Verify(header, Body, "new-secret-0123456789"));
    }

    [Fact]
    public void Verify_RefusesAnotherBodyTimestampOrSecret()
    {
        var header = WebhookSignature.HeaderValue(1700000000, Body, [Secret]);
        Assert.False(WebhookSignature.Verify(header, "{\"id\":\"y\"}", Secret));
        Assert.False(WebhookSignature.Verify(header.Replace("t=1700000000", "t=1700000001", StringComparison.Ordinal), Body, Secret));
        Assert.False(WebhookSignature.Verify(header, Body, "another-secret-0123456789"));
    }

    [Fact]
    public void SigningSecrets_DuringTheOverlap_AreTheNewThenTheOld_AfterItOnlyTheNew()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var s = new WebhookSubscription("https://example.com/hooks", ["*"], Secret, "platform", now);
        s.RotateSecret("new-secret-0123456789", TimeSpan.FromHours(1), now);
        Assert.Equal(["new-secret-0123456789", Secret], s.SigningSecrets(now.AddMinutes(59)));
        Assert.Equal(["new-secret-0123456789"], s.SigningSecrets(now.AddHours(1)));
        s.RotateSecret("third-secret-0123456789", TimeSpan.Zero, now);
        Assert.Equal(["third-secret-0123456789"], s.SigningSecrets(now));
    }
}
