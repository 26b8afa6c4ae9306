namespace AfterSales.IntegrationTests;

/// <summary>
/// Abuse protection (issue 5, scope 6): the framework's rate limiter per key or person and per address for anonymous
/// calls — 429 problem+json <c>rate_limited</c> with <c>Retry-After</c> — and the security headers on every answer.
/// Each test has its own service, so buckets start full.
/// </summary>
public abstract class RateLimitTests(AfterSalesApp app) : FreshAppTests(app)
{
    public static readonly Dictionary<string, string?> Limits = new()
    {
        ["AfterSales:RateLimits:PermitsPerSecond"] = "1",
        ["AfterSales:RateLimits:Burst"] = "5",
        ["AfterSales:RateLimits:AnonymousPermitsPerSecond"] = "1",
    };

    [Fact]
    public async Task AKeyOverItsBucket_Gets429WithRetryAfter_WhileOtherKeysAndHealthGoOn()
    {
        // A burst of 5, then 1 a second: the first 5 pass, and asking faster than that is soon refused.
        var statuses = new List<int>();
        ApiResponse? refused = null;
        for (var i = 0; i < 30 && refused is null; i++)
        {
            var r = await Api.GetAsync("/api/v1/cases?limit=1");
            statuses.Add(r.StatusCode);
            if (r.StatusCode == 429) refused = r;
        }
        Assert.All(statuses.Take(5), s => Assert.Equal(200, s));
        Assert.NotNull(refused);
        var problem = Problems.Assert(refused, 429, "rate_limited");
        Assert.True(int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1, refused.ToString());
        Assert.True(problem["retryAfterSeconds"]!.GetValue<int>() >= 1);

        Assert.Equal(200, (await App.As("agent-1").GetAsync("/api/v1/queues")).StatusCode); // another key, its own bucket
        using var anonymous = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AnonymousCalls_AreLimitedByAddress_SoKeysCannotBeGuessedAtSpeed()
    {
        using var anonymous = App.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess-0000000000000000");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++) statuses.Add((await anonymous.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(200, (await Api.GetAsync("/api/v1/cases?limit=1")).StatusCode); // the real key is not affected
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        foreach (var response in new[] { await Api.GetAsync("/api/v1/cases?limit=1"), await Api.GetAsync("/api/v1/cases/NOPE") })
        {
            Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
            Assert.Equal("DENY", response.Header("X-Frame-Options"));
            Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Header("Content-Security-Policy"));
        }
    }
}

public sealed class RateLimitTests_Sqlite() : RateLimitTests(new SqliteApp { Settings = RateLimitTests.Limits });

public sealed class RateLimitTests_Postgres() : RateLimitTests(new PostgresApp { Settings = RateLimitTests.Limits });
