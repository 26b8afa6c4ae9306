using System.Text;

namespace AfterSales.ArchitectureTests.Rules;

/// <summary>
/// One broken rule, in words. <paramref name="Line"/> is what to fix ("Origin.Type -> Target.Type"),
/// <paramref name="Group"/> the module edge it is on ("Cases -> Access"), and <paramref name="Section"/> an optional
/// heading above the groups (the cycle that an edge is part of); lines print grouped under both.
/// </summary>
public sealed record Violation(string Section, string Group, string Line)
{
    public override string ToString() => Line;
}

/// <summary>Turns a rule's violations into the failure message: a heading, why the rule exists, then every line.</summary>
public static class ViolationReport
{
    public static string Format(string rule, string why, IReadOnlyList<Violation> violations, string? summary = null)
    {
        var text = new StringBuilder();
        text.AppendLine(rule);
        text.AppendLine($"Why: {why}");
        text.AppendLine(summary ?? $"{violations.Count} violation(s) on {violations.Select(v => (v.Section, v.Group)).Distinct().Count()} edge(s):");
        // Kept in the order the rule produced them: each rule sorts its own, and the cycle rule's order (by cycle) matters.
        foreach (var section in violations.GroupBy(v => v.Section))
        {
            var indent = "";
            if (section.Key.Length > 0)
            {
                text.AppendLine();
                text.AppendLine(section.Key);
                indent = "  ";
            }
            foreach (var group in section.GroupBy(v => v.Group))
            {
                if (section.Key.Length == 0)
                    text.AppendLine();
                text.AppendLine($"{indent}{group.Key}");
                foreach (var violation in group)
                    text.AppendLine($"{indent}    {violation.Line}");
            }
        }
        return text.ToString();
    }
}
