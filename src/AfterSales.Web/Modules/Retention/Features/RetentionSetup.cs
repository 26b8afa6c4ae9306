using System.Globalization;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.Cases.Contracts;

namespace AfterSales.Web.Modules.Retention.Features;

/// <summary>
/// <c>AfterSales:Retention</c>: how long a case's records are kept after it ends. The E-commerce Law (Art. 31) asks
/// for at least 3 years from the transaction's completion, so fewer than 3 years stops the start.
/// </summary>
internal sealed class RetentionOptions
{
    public const string Section = "AfterSales:Retention";
    public const int LegalMinimumYears = 3;

    /// <summary>Whole years after a case is closed or cancelled (default and legal minimum: 3).</summary>
    public int Years { get; set; } = LegalMinimumYears;

    public bool IsValid() => Years is >= LegalMinimumYears and <= 100;
}

/// <summary><c>AfterSales:Export</c>: the key that signs case exports (HMAC-SHA256 over manifest.json).</summary>
internal sealed class ExportOptions
{
    public const string Section = "AfterSales:Export";
    public const int MinKeyLength = 32;

    /// <summary>The HMAC key, used as its UTF-8 bytes; at least 32 characters. Without it exports are refused (503).</summary>
    public string? SigningKey { get; set; }

    public bool IsValid() => SigningKey is null || SigningKey.Length >= MinKeyLength;
}

internal sealed record RetentionView(string CaseNo, CaseStatus Status, int Years, DateTimeOffset? ClosedAt, DateTimeOffset? RetainUntil, bool PastRetention);

internal sealed record RetentionDueItem(string CaseNo, CaseStatus Status, DateTimeOffset ClosedAt, DateTimeOffset RetainUntil);

/// <summary>
/// Retention (issue 5, scope 7): a closed or cancelled case is kept until it ended + <see cref="RetentionOptions.Years"/>;
/// an open case has no end yet. Nothing is deleted here: <c>GET /retention/due</c> only lists the cases past their date.
/// </summary>
internal static class RetentionSetup
{
    public const string PlatformPolicy = "retention.platform";

    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration config)
    {
        var r = config.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        if (!r.IsValid())
            throw new InvalidOperationException("AfterSales:Retention:Years must be 3–100: the E-commerce Law (Art. 31) requires records to be kept at least 3 years.");
        var x = config.GetSection(ExportOptions.Section).Get<ExportOptions>() ?? new ExportOptions();
        if (!x.IsValid())
            throw new InvalidOperationException("AfterSales:Export:SigningKey must have at least 32 characters.");
        services.AddSingleton(r);
        services.AddSingleton(x);
        services.AddAuthorizationBuilder().AddPolicy(PlatformPolicy, p => p.RequireRole("platform"));
        return services;
    }

    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseNo}/retention", GetAsync).WithTags("Retention").WithName("GetCaseRetention")
            .RequireAuthorization(PlatformPolicy)
            .WithSummary("How long the case's records are kept: until it was closed or cancelled + AfterSales:Retention:Years (null while open).")
            .ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/retention/due", DueAsync).WithTags("Retention").WithName("ListRetentionDue")
            .RequireAuthorization(PlatformPolicy)
            .WithSummary("Closed or cancelled cases past their retention date (oldest id first, paged with a cursor; limit 1–500, default 50). Nothing is deleted.")
            .ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("/cases/{caseNo}/export", CaseExport.ExportAsync).WithTags("Retention").WithName("ExportCase")
            .RequireAuthorization(PlatformPolicy)
            .WithSummary("The case's original records as a signed zip: case.json, timeline.json, messages.json (internal notes included, each with its audience), refunds.json, attachments.json, the attachment files, manifest.json (SHA-256 and size of each file) and manifest.sig (hex HMAC-SHA256 of manifest.json). Audited as `export`.")
            .Produces(200, contentType: "application/zip").ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        api.MapPost("/exports/verify", CaseExport.VerifyAsync).WithTags("Retention").WithName("VerifyCaseExport")
            .RequireAuthorization(PlatformPolicy).DisableAntiforgery()
            .WithSummary("Check an exported archive (multipart field 'file'): the signature over manifest.json and every file's size and SHA-256.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(503);
        return api;
    }

    public static DateTimeOffset? ClosedAt(Case c) => c.Status is CaseStatus.Closed or CaseStatus.Cancelled ? c.StatusEnteredAt : null;

    private static async Task<Ok<RetentionView>> GetAsync(string caseNo, AfterSalesDbContext db, RetentionOptions o, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.CaseNo == caseNo, ct) ?? throw new DomainException("case.not_found");
        var closed = ClosedAt(c);
        var until = closed?.AddYears(o.Years);
        return TypedResults.Ok(new RetentionView(c.CaseNo, c.Status, o.Years, closed, until, until is { } u && u <= clock.GetUtcNow()));
    }

    private static async Task<Ok<Page<RetentionDueItem>>> DueAsync(AfterSalesDbContext db, RetentionOptions o, TimeProvider clock, CancellationToken ct,
        string? limit = null, string? cursor = null)
    {
        var e = new FieldErrors();
        var take = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 500))
            e.Add("limit", "1 to 500");
        long after = 0;
        if (cursor is not null && !Cursor.TryDecode(cursor, out after)) e.Add("cursor", "not a cursor returned by this list");
        e.ThrowIfAny("retention.invalid");
        // Ended on or before now - Years (a case closed on 29 February may show up to a day after its retainUntil).
        var cutoff = clock.GetUtcNow().AddYears(-o.Years);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Closed || c.Status == CaseStatus.Cancelled) && c.StatusEnteredAt <= cutoff && c.Id > after)
            .OrderBy(c => c.Id).Take(take + 1)
            .Select(c => new { c.Id, c.CaseNo, c.Status, c.StatusEnteredAt })
            .ToListAsync(ct);
        var items = rows.Take(take).Select(r => new RetentionDueItem(r.CaseNo, r.Status, r.StatusEnteredAt, r.StatusEnteredAt.AddYears(o.Years))).ToList();
        return TypedResults.Ok(new Page<RetentionDueItem>(items, rows.Count > take ? Cursor.Encode(rows[take - 1].Id) : null));
    }
}
