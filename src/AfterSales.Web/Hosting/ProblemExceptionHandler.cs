using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Typed errors become problem+json here, once. Bad input is never a 500: malformed JSON and binding
/// failures are 400 naming the field and what it expects (never a .NET type: <see cref="RequestReadErrors"/>), lost races are 409, and only a genuine fault is logged as an error.
/// </summary>
public sealed class ProblemExceptionHandler(ProblemWriter writer, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;
        if (Classify(exception) is not { } p)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            p = new KnownProblem("internal");
        }
        await writer.WriteAsync(http, p.Code, p.Detail, p.Errors, p.Data);
        return true;
    }

    /// <summary>
    /// The stable code of a typed error, or null for a genuine fault. The API writes it as problem+json; the web UI
    /// shows the same localized title and field errors next to the form (Web/UiProblem).
    /// </summary>
    public static KnownProblem? Classify(Exception exception) => exception switch
    {
        DomainException d => new(d.Code, d.Detail, null, d.Data2),
        ValidationFailedException v => new(v.Code, null, v.Errors),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new("request.too_large"),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new("request.unsupported_media_type"),
        BadHttpRequestException b => new("request.malformed", null, RequestReadErrors.Describe(b)),
        DbUpdateConcurrencyException => new("case.concurrent_change"),
        DbUpdateException when UniqueViolation.Is(exception) => new("conflict"),
        _ => null,
    };
}

/// <summary>A typed error's code and what goes with it.</summary>
public sealed record KnownProblem(string Code, string? Detail = null, IDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Data = null);

public static class UniqueViolation
{
    /// <summary>SQLite error 19 (constraint) or PostgreSQL 23505 (unique_violation).</summary>
    public static bool Is(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }) return true;
            if (x is Npgsql.PostgresException { SqlState: "23505" }) return true;
        }
        return false;
    }
}
