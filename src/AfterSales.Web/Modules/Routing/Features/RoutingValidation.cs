using System.Text.RegularExpressions;

namespace AfterSales.Web.Modules.Routing.Features;

/// <summary>
/// Checks every field of a PUT and throws once with all of them (400 <c>routing.invalid</c>), before anything is
/// written. Limits follow the columns: ids 64 characters (an agent id is a case's assignee), names 100.
/// </summary>
internal static partial class RoutingValidation
{
    public const int MaxCapacity = 1000;
    public const int MaxListItems = 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$")]
    private static partial Regex AgentIdPattern();

    public static void Slug(FieldErrors e, string field, string id)
    {
        if (!SlugPattern().IsMatch(id)) e.Add(field, "1 to 64 characters: lower-case letters, digits, '-' or '_'");
    }

    public static void AgentId(FieldErrors e, string id)
    {
        if (!AgentIdPattern().IsMatch(id)) e.Add("agentId", "1 to 64 characters: letters, digits, '.', '_', ':', '@' or '-'");
    }

    public static void Name(FieldErrors e, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) e.Add("name", "required");
        else if (name.Length > 100) e.Add("name", "at most 100 characters");
    }

    public static List<CaseType> CaseTypes(FieldErrors e, List<string?>? values)
    {
        var types = new List<CaseType>();
        var items = values ?? [];
        if (items.Count > MaxListItems) e.Add("caseTypes", $"at most {MaxListItems} items");
        for (var i = 0; i < items.Count; i++)
        {
            if (Wire.TryParse<CaseType>(items[i], out var t)) types.Add(t);
            else e.Add($"caseTypes[{i}]", "one of " + string.Join(", ", Wire.Names<CaseType>()));
        }
        return types;
    }

    public static List<string> ShopIds(FieldErrors e, List<string?>? values)
    {
        var items = values ?? [];
        if (items.Count > MaxListItems) e.Add("shopIds", $"at most {MaxListItems} items");
        for (var i = 0; i < items.Count; i++)
            if (string.IsNullOrWhiteSpace(items[i]) || items[i]!.Length > 64) e.Add($"shopIds[{i}]", "1 to 64 characters");
        return [.. items.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];
    }

    /// <summary>Each skill must exist: a typo would otherwise make an agent silently unqualified.</summary>
    public static List<string> Skills(FieldErrors e, string field, List<string?>? values, IReadOnlySet<string> known)
    {
        var items = values ?? [];
        if (items.Count > MaxListItems) e.Add(field, $"at most {MaxListItems} items");
        for (var i = 0; i < items.Count; i++)
            if (items[i] is null || !known.Contains(items[i]!)) e.Add($"{field}[{i}]", "an existing skill id (PUT /api/v1/skills/{skillId} first)");
        return [.. items.Where(s => s is not null).Select(s => s!)];
    }
}
