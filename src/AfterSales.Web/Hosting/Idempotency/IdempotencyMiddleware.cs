using System.Security.Claims;
using System.Security.Cryptography;
using AfterSales.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting.Idempotency;

/// <summary>
/// API.md "Idempotency-Key": the same key with the same body returns the first response again (same status,
/// same body); the same key with another body is 422 <c>idempotency.key_reused</c>. The key is claimed by
/// inserting its row in a transaction that the use case's writes join (<see cref="WriteTransactions"/>) and the
/// answer is stored in it before it commits: a crash at any point leaves the key with its answer and its effect, or
/// with neither. A concurrent retry waits on the uncommitted claim (PostgreSQL's unique index, SQLite's write lock)
/// and then answers from the stored record, so two retries cannot both act.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, ProblemWriter problems, ILogger<IdempotencyMiddleware> log)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Answers that carry a secret (a new API key, an access token) are never stored for replay: a key is shown once,
    /// and a stored answer would keep it in clear text for a day.
    /// </summary>
    private static bool IssuesSecret(PathString path) =>
        path.StartsWithSegments("/api/v1/api-keys") || path.StartsWithSegments("/api/v1/auth");

    /// <summary>
    /// The test clock's advance runs the due steps as the worker does, each in a scope and transaction of its own: it
    /// cannot run inside the request's transaction (on SQLite those steps would wait for the request's own write
    /// lock), and moving a test clock twice is what a retry of it means anyway.
    /// </summary>
    private static bool RunsOtherWork(PathString path) => path.StartsWithSegments("/api/v1/test-clock");

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values) || IssuesSecret(http.Request.Path) || RunsOtherWork(http.Request.Path))
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

        // The request's own context: the use case's writes and the stored answer share its one transaction.
        var db = http.RequestServices.GetRequiredService<AfterSalesDbContext>();
        var existing = await FindAsync(db, scope, key, http.RequestAborted);
        if (existing is not null && existing.StatusCode is null && clock.GetUtcNow() - existing.CreatedAt > Abandoned)
        {
            // A claim of the earlier design (committed before its effect) whose process died; released on start
            // too (ReleaseAbandonedClaimsAsync). Today's claims are never committed without their answer.
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(http.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            await AnswerFromRecordAsync(http, existing, hash);
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        if (!await TryClaimAsync(db, scope, key, hash, http.RequestAborted))
        {
            // Another request with this key committed first (a concurrent one waited on the claim until then):
            // its answer is the answer. An expected race, not a fault.
            log.LogInformation("Idempotency key {IdempotencyKey} of {Scope} was claimed by a concurrent request; answering with its stored answer", key, scope);
            await tx.RollbackAsync(CancellationToken.None);
            await AnswerFromRecordAsync(http, await FindAsync(db, scope, key, http.RequestAborted) ?? throw new InvalidOperationException("A claimed idempotency key vanished."), hash);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        // A failure (an exception: the finally above, then the transaction's dispose) undoes the effect and the claim
        // together, so that the client's retry can run. A 5xx answer is not remembered either.
        if (http.Response.StatusCode >= 500)
        {
            await tx.RollbackAsync(CancellationToken.None);
        }
        else
        {
            await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                .SetProperty(r => r.ContentType, http.Response.ContentType)
                .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
                .SetProperty(r => r.ETag, http.Response.Headers.ETag.ToString())
                .SetProperty(r => r.Body, buffer.ToArray()), CancellationToken.None);
            // Once the answer is committed, the effect is: the client may be told.
            await tx.CommitAsync(CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static Task<IdempotencyRecord?> FindAsync(AfterSalesDbContext db, string scope, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);

    /// <summary>
    /// On start: claims without an answer are claims whose effect never committed (a process of the earlier design
    /// that died between its transactions). They are released at once, not after <see cref="Abandoned"/>.
    /// </summary>
    public static async Task ReleaseAbandonedClaimsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        await db.IdempotencyRecords.Where(r => r.StatusCode == null).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> TryClaimAsync(AfterSalesDbContext db, string scope, string key, string hash, CancellationToken ct)
    {
        var claim = db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        finally
        {
            // The row is written with ExecuteUpdate later; the use case's SaveChanges must not see it tracked.
            claim.State = EntityState.Detached;
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
