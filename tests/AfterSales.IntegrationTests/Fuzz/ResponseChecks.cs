using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// What every answer must be, whatever was sent (issue 13): never a 5xx; an error is <c>application/problem+json</c>
/// with a non-empty string <c>code</c>; and no answer names a .NET type, an exception or a stack frame.
/// </summary>
public static partial class ResponseChecks
{
    /// <summary>.NET namespaces and types, exception names, stack-frame shapes ("at X.Y(…)" or "at X.Y() in file:line").</summary>
    [GeneratedRegex(@"AfterSales\.Web\.|System\.[A-Z][A-Za-z]|Microsoft\.[A-Z][A-Za-z]|Exception\b|\bat [A-Za-z_][\w`<>]*(\.[\w`<>]+)+\(|\bin /[\w/.]+:line \d+", RegexOptions.CultureInvariant)]
    public static partial Regex Leak();

    /// <summary>The answer's faults; none is a pass.</summary>
    public static List<string> Faults(FuzzResponse response)
    {
        var faults = new List<string>();
        if (response.Status >= 500) faults.Add($"a server error {response.Status}");
        if (response.Status >= 400)
        {
            if (response.MediaType != "application/problem+json")
                faults.Add($"an error {response.Status} as '{response.MediaType ?? "(no content type)"}', not application/problem+json");
            else if (Code(response) is not { Length: > 0 })
                faults.Add($"an error {response.Status} without a string code");
        }
        if (IsText(response.MediaType) && Leak().Match(response.Text) is { Success: true } leak)
            faults.Add($"the answer names .NET internals: '…{Around(response.Text, leak.Index)}…'");
        return faults;
    }

    private static bool IsText(string? mediaType) =>
        mediaType is null || mediaType.Contains("json", StringComparison.Ordinal) || mediaType.StartsWith("text/", StringComparison.Ordinal)
        || mediaType.Contains("xml", StringComparison.Ordinal);

    private static string? Code(FuzzResponse response)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 60);
        return text.Substring(start, Math.Min(text.Length - start, 160)).Shorten(160);
    }
}
