using System.Globalization;
using AfterSales.Web.Hosting;

namespace AfterSales.Web.Web;

/// <summary>
/// A refused change as a person reads it next to the form: the same localized title and field errors the API would
/// answer as problem+json (ProblemExceptionHandler.Classify, ProblemWriter), never a stack trace. The field messages are
/// in the person's language (FieldMessageText, the one translation seam, also used by the API when asked); the keys
/// stay the API's field names, and <see cref="Label"/> reads them (<c>lines[0].quantity</c> → "第 1 行 数量").
/// </summary>
public sealed record UiProblem(string Code, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The problem for a typed error; null for a genuine fault, which the caller rethrows.</summary>
    public static UiProblem? From(HttpContext http, Exception e)
    {
        if (ProblemExceptionHandler.Classify(e) is not { } known) return null;
        var p = http.RequestServices.GetRequiredService<ProblemWriter>().Create(http, known.Code, known.Detail, known.Errors, known.Data);
        return new UiProblem(known.Code, p.Title ?? known.Code, p.Detail == p.Title ? null : p.Detail,
            known.Errors is null ? new Dictionary<string, string[]>() : FieldMessageText.Translate(known.Errors, CultureInfo.CurrentUICulture));
    }

    /// <summary>A field name as a person reads it, in the request's language (the name itself when there is no label).</summary>
    public string Label(string field) => FieldMessageText.Label(field, CultureInfo.CurrentUICulture);
}
