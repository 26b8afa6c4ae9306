using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace AfterSales.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string Section = "AfterSales:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second for one key or one signed-in person.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>How many may come at once above the sustained rate (a bulk order push, a page of parallel calls).</summary>
    public int Burst { get; set; } = 400;

    /// <summary>Per client address, for requests without a valid key (guessing keys is what this slows down).</summary>
    public int AnonymousPermitsPerSecond { get; set; } = 10;
}

/// <summary>
/// Abuse protection with the framework's rate limiter (issue 5, scope 6): a token bucket per key or person (the
/// authenticated actor), and per client address for anonymous calls; health probes are never limited. A refused
/// request is 429 problem+json <c>rate_limited</c> with <c>Retry-After</c> in whole seconds.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddAfterSalesRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var o = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (o.PermitsPerSecond < 1 || o.Burst < 1 || o.AnonymousPermitsPerSecond < 1)
            throw new InvalidOperationException("AfterSales:RateLimits: PermitsPerSecond, Burst and AnonymousPermitsPerSecond must be at least 1.");
        services.AddRateLimiter(r =>
        {
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, o));
            r.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(context.HttpContext, "rate_limited",
                    data: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions o)
    {
        if (!o.Enabled || http.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("none");
        var actor = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return actor is not null
            ? RateLimitPartition.GetTokenBucketLimiter("actor:" + actor, _ => Bucket(o.PermitsPerSecond, o.Burst))
            : RateLimitPartition.GetTokenBucketLimiter("ip:" + http.Connection.RemoteIpAddress, _ => Bucket(o.AnonymousPermitsPerSecond, o.AnonymousPermitsPerSecond * 2));
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
