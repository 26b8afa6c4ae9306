using System.Security.Claims;
using System.Security.Cryptography;
using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting.Idempotency;

/// <summary>
/// API.md "Idempotency-Key": the same key with the same body returns the first response again (same status,
/// same body); the same key with another body is 422 <c>idempotency.key_reused</c>. The key is claimed by
/// inserting its row before the request runs, so two concurrent retries cannot both act.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ProblemWriter problems)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Answers that carry a secret (a new API key, an access token) are never stored for replay: a key is shown once,
    /// and a stored answer would keep it in clear text for a day.
    /// </summary>
    private static bool IssuesSecret(PathString path) =>
        path.StartsWithSegments("/api/v1/api-keys") || path.StartsWithSegments("/api/v1/auth");

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values) || IssuesSecret(http.Request.Path))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > 200)
        {
            await problems.WriteAsync(http, "idempotency.key_invalid");
            return;
        }
        var scope = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var hash = await HashAsync(http.Request);

        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted);
        if (existing is not null && existing.StatusCode is null && clock.GetUtcNow() - existing.CreatedAt > Abandoned)
        {
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(http.RequestAborted);
            existing = null;
        }
        if (existing is null && !await TryClaimAsync(db, scope, key, hash, http.RequestAborted))
            existing = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            await AnswerFromRecordAsync(http, existing, hash);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var stored = false;
        try
        {
            await next(http);
            if (http.Response.StatusCode < 500)
            {
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                    .SetProperty(r => r.ContentType, http.Response.ContentType)
                    .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
                    .SetProperty(r => r.ETag, http.Response.Headers.ETag.ToString())
                    .SetProperty(r => r.Body, buffer.ToArray()), CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            // A failed request releases its key, so that the client's retry can run.
            if (!stored)
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            http.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private async Task<bool> TryClaimAsync(AfterSalesDbContext db, string scope, string key, string hash, CancellationToken ct)
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task AnswerFromRecordAsync(HttpContext http, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            await problems.WriteAsync(http, "idempotency.key_reused");
            return;
        }
        if (record.StatusCode is not { } status)
        {
            http.Response.Headers.RetryAfter = "1";
            await problems.WriteAsync(http, "idempotency.in_progress");
            return;
        }
        http.Response.StatusCode = status;
        if (!string.IsNullOrEmpty(record.ContentType)) http.Response.ContentType = record.ContentType;
        if (!string.IsNullOrEmpty(record.Location)) http.Response.Headers.Location = record.Location;
        if (!string.IsNullOrEmpty(record.ETag)) http.Response.Headers.ETag = record.ETag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
