using AfterSales.Web.SharedKernel;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Typed errors become problem+json here, once. Bad input is never a 500: malformed JSON and binding
/// failures are 400, lost races are 409, and only a genuine fault is logged as an error.
/// </summary>
public sealed class ProblemExceptionHandler(ProblemWriter writer, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        switch (exception)
        {
            case DomainException d:
                await writer.WriteAsync(http, d.Code, d.Detail, data: d.Data2);
                break;
            case ValidationFailedException v:
                await writer.WriteAsync(http, v.Code, errors: v.Errors);
                break;
            case BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await writer.WriteAsync(http, "request.too_large");
                break;
            case BadHttpRequestException b when b.StatusCode == StatusCodes.Status415UnsupportedMediaType:
                await writer.WriteAsync(http, "request.unsupported_media_type");
                break;
            case BadHttpRequestException b:
                await writer.WriteAsync(http, "request.malformed", Describe(b));
                break;
            case DbUpdateConcurrencyException:
                await writer.WriteAsync(http, "case.concurrent_change");
                break;
            case DbUpdateException when UniqueViolation.Is(exception):
                await writer.WriteAsync(http, "conflict");
                break;
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return true;
            default:
                log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
                await writer.WriteAsync(http, "internal");
                break;
        }
        return true;
    }

    // The JSON reader's message names the path and position, never the value: safe to show.
    private static string Describe(BadHttpRequestException b) =>
        b.InnerException is System.Text.Json.JsonException j ? j.Message : b.Message;
}

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
