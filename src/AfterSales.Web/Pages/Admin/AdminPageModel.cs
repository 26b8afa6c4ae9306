using System.Globalization;
using AfterSales.Web.Hosting;
using AfterSales.Web.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Web.Pages.Admin;

/// <summary>
/// The base of the admin pages. Every change goes through the API's own use case; its typed errors become the same
/// localized problem the API answers (built by <see cref="ProblemWriter"/>, so the titles come from Errors.resx), shown
/// next to the form with its field errors, and the page answers with the problem's status: never a stack trace, never
/// a silent failure. A change that worked redirects (post/redirect/get) and says so.
/// </summary>
public abstract partial class AdminPageModel : PageModel
{
    /// <summary>The platform's time zone (the one the case clocks and the UI use for dates).</summary>
    public static TimeZoneInfo PlatformZone => UiFormat.PlatformZone;

    [TempData] public string? Saved { get; set; }

    public string? ProblemTitle { get; private set; }
    public string? ProblemDetail { get; private set; }
    public string? ProblemCode { get; private set; }
    public IDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Runs a use case; false (and the problem set for the page) when it refused.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        // The one classifier the API's problem+json uses: the same codes for the same errors, nothing mapped twice.
        catch (Exception e) when (ProblemExceptionHandler.Classify(e) is { } p) { Show(p.Code, p.Detail, p.Errors); }
        return false;
    }

    /// <summary>Shows a problem the page found itself (e.g. JSON that does not parse), in the API's words.</summary>
    protected void Show(string code, string? detail, IDictionary<string, string[]>? errors)
    {
        var problem = HttpContext.RequestServices.GetRequiredService<ProblemWriter>().Create(HttpContext, code, detail, errors);
        ProblemCode = code;
        ProblemTitle = Headline(problem.Title);
        ProblemDetail = problem.Detail == problem.Title ? null : problem.Detail;
        // In the person's language (the API keeps its English phrases unless asked; see ProblemWriter).
        FieldErrors = errors is null ? new Dictionary<string, string[]>() : FieldMessageText.Translate(errors, CultureInfo.CurrentUICulture);
        Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// A problem's title as the page's headline: without the API's pointer to its own JSON ("…，详见 errors。",
    /// "…; see the field errors."), since the page lists the field errors itself right under it.
    /// </summary>
    public static string? Headline(string? title)
    {
        if (title is null) return null;
        var m = SeeTail().Match(title);
        if (!m.Success) return title;
        var head = title[..m.Index].TrimEnd();
        return head.Length == 0 ? title : head + (m.Value.EndsWith('。') ? "。" : ".");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*[;；,，]\s*(?:see |详见).*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SeeTail();

    /// <summary>The field errors of one field (the API's field names, case-insensitive; indexed ones such as <c>events[0]</c> included).</summary>
    public IEnumerable<string> ErrorsOf(string field) =>
        FieldErrors.Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)
                || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
                || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value);

    protected RedirectResult Done(string message, string? to = null)
    {
        Saved = message;
        return Redirect(to ?? Request.Path.Value ?? "/admin");
    }

    /// <summary>A field name as a person reads it (<c>lines[0].quantity</c> → "第 1 行 数量").</summary>
    public static string Label(string field) => FieldMessageText.Label(field, CultureInfo.CurrentUICulture);

    /// <summary>A code's name in the person's language (<c>prefix + code</c> in AdminUi.resx), the code itself when it has none.</summary>
    public static string Named(Microsoft.Extensions.Localization.IStringLocalizer text, string prefix, string code) =>
        text[prefix + code] is { ResourceNotFound: false } s ? s.Value : code;

    public static string When(DateTimeOffset? t) => t is { } v ? UiFormat.Time(v) : "—";

    /// <summary>A comma- or space-separated list from a text box (shops, event types).</summary>
    protected static List<string?> ListOf(string? text) =>
        [.. (text ?? "").Split([',', ' ', '，', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)];
}
