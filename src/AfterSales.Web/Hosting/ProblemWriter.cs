using System.Diagnostics;
using System.Globalization;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Hosting;

/// <summary>
/// Builds the RFC 9457 problem for a stable code, with its title in the request's language. The field messages are the
/// API's English phrases unless the request asked for a language itself (Accept-Language, the culture cookie or
/// query): the default culture is zh-CN, and API clients that ask for nothing keep the documented English phrases.
/// </summary>
public sealed class ProblemWriter(IStringLocalizer<Errors> text, IProblemDetailsService problems)
{
    private static readonly HashSet<string> Reserved = ["type", "title", "status", "detail", "instance", "code", "errors", "traceId"];

    public ProblemDetails Create(HttpContext http, string code, string? detail = null,
        IDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object?>? data = null)
    {
        var status = ErrorCatalog.StatusOf(code);
        var title = text[code];
        var problem = errors is null ? new ProblemDetails()
            : new HttpValidationProblemDetails(AskedForALanguage(http) ? FieldMessageText.Translate(errors, CultureInfo.CurrentUICulture) : errors);
        problem.Status = status;
        problem.Type = "https://aftersales.example/problems/" + code;
        problem.Title = title.ResourceNotFound ? code : title.Value;
        problem.Detail = detail ?? problem.Title;
        problem.Instance = http.Request.Path;
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        if (data is not null)
            foreach (var (k, v) in data)
                if (!Reserved.Contains(k)) problem.Extensions[k] = v;
        return problem;
    }

    /// <summary>Whether a culture provider chose the request's culture (null: the default, nobody asked).</summary>
    public static bool AskedForALanguage(HttpContext http) => http.Features.Get<IRequestCultureFeature>()?.Provider is not null;

    public async Task WriteAsync(HttpContext http, string code, string? detail = null,
        IDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object?>? data = null)
    {
        var problem = Create(http, code, detail, errors, data);
        http.Response.StatusCode = problem.Status!.Value;
        // A problem that says when to come back says it in the header too (RFC 9110 Retry-After), whoever raised it.
        if (data?.GetValueOrDefault("retryAfterSeconds") is int seconds)
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(http, problem);
    }

    /// <summary>
    /// Writes the problem as application/problem+json whatever the request's Accept header names. The framework's
    /// writer declines a request that accepts no JSON (a browser's <c>text/html</c>, <c>image/png</c>), and its
    /// <c>WriteAsync</c> then throws: an answer to bad input would become a 500 with the exception's text.
    /// </summary>
    public async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem })) return;
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", http.RequestAborted);
    }
}
