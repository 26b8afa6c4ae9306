using System.Text;
using ArchUnitNET.Domain;

namespace AfterSales.ArchitectureTests.Rules;

/// <summary>
/// The module graph as a Mermaid flowchart in README.md, between two marker lines, so that the picture readers see is
/// the graph the code has.
/// </summary>
public static class ModuleMap
{
    public const string StartMarker = "<!-- module-map:start -->";
    public const string EndMarker = "<!-- module-map:end -->";

    /// <summary>Setting this to 1 lets the module map test rewrite the block instead of failing (never on CI).</summary>
    public const string WriteVariable = "AFTERSALES_WRITE_MODULE_MAP";

    /// <summary>
    /// The whole block, markers included: "flowchart TD" (a module above the modules it depends on), one
    /// "A --> B" line per edge in name order, then any module with no edge at all, so that every module is on the map.
    /// </summary>
    public static string Render(Architecture architecture, string root)
    {
        var graph = ModuleGraph.Build(architecture, root);
        var text = new StringBuilder();
        text.Append(StartMarker).Append('\n');
        text.Append("```mermaid\n");
        text.Append("flowchart TD\n");
        foreach (var (from, to) in graph.EdgeList)
            text.Append($"    {from} --> {to}\n");
        foreach (var alone in graph.Modules.Where(m => !graph.EdgeList.Any(e => e.From == m || e.To == m)))
            text.Append($"    {alone}\n");
        text.Append("```\n");
        text.Append(EndMarker);
        return text.ToString();
    }

    /// <summary>The block in <paramref name="readme"/>, markers included and line endings as LF, or null if it has none.</summary>
    public static string? Find(string readme)
    {
        var text = readme.ReplaceLineEndings("\n");
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(EndMarker, start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
            return null;
        var block = text[start..(end + EndMarker.Length)];
        // Trailing spaces are an editor's business, not a difference in the graph.
        return string.Join('\n', block.Split('\n').Select(l => l.TrimEnd()));
    }

    /// <summary>
    /// <paramref name="readme"/> with its block replaced by <paramref name="block"/>; without markers, the block is
    /// appended at the end under a heading, to be moved where it belongs (the markers go with it).
    /// </summary>
    public static string Replace(string readme, string block)
    {
        var text = readme.ReplaceLineEndings("\n");
        var start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(EndMarker, start, StringComparison.Ordinal);
        if (start >= 0 && end >= 0)
            return text[..start] + block + text[(end + EndMarker.Length)..];
        return text.TrimEnd('\n') + "\n\n## Module map\n\n" + block + "\n";
    }
}
