using AfterSales.ArchitectureTests.Rules;

namespace AfterSales.ArchitectureTests;

/// <summary>README.md's module map is the module graph of the code, so the picture cannot drift from what it shows.</summary>
public sealed class ModuleMapTests(ITestOutputHelper output)
{
    [Fact]
    public void README_shows_the_module_graph_the_code_has()
    {
        var expected = ModuleMap.Render(Architectures.Web, Architectures.WebRoot);
        var readmePath = Path.Combine(RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(readmePath);
        var actual = ModuleMap.Find(readme);
        if (actual == expected)
            return;

        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var write = Environment.GetEnvironmentVariable(ModuleMap.WriteVariable) == "1";
        if (write && !onCi)
        {
            File.WriteAllText(readmePath, ModuleMap.Replace(readme, expected));
            output.WriteLine(actual is null
                ? $"{readmePath}: had no module map; appended it at the end under \"## Module map\" (move it, markers included, where it belongs)."
                : $"{readmePath}: module map rewritten.");
            return;
        }

        var message = new System.Text.StringBuilder();
        message.AppendLine(actual is null
            ? $"README.md has no module map (no \"{ModuleMap.StartMarker}\" ... \"{ModuleMap.EndMarker}\" block): {readmePath}"
            : $"README.md's module map is not the module graph of the code: {readmePath}");
        if (actual is not null)
        {
            var had = Lines(actual);
            var has = Lines(expected);
            foreach (var line in has.Except(had))
                message.AppendLine($"  in the code, not in README.md:  {line.Trim()}");
            foreach (var line in had.Except(has))
                message.AppendLine($"  in README.md, not in the code:  {line.Trim()}");
        }
        message.AppendLine();
        message.AppendLine("The block should read exactly:");
        message.AppendLine();
        message.AppendLine(expected);
        message.AppendLine();
        message.AppendLine("If a new edge closes a cycle (Modules_form_no_cycle fails too), cut the edge first; the map shows the code, right or wrong.");
        message.AppendLine($"To refresh it, run once with {ModuleMap.WriteVariable}=1:");
        message.AppendLine($"    {ModuleMap.WriteVariable}=1 dotnet test tests/AfterSales.ArchitectureTests --filter \"FullyQualifiedName~{nameof(ModuleMapTests)}\"");
        message.AppendLine("The test then rewrites the block between the markers (without markers, it appends the block at the end of README.md;");
        message.AppendLine("move it, markers included, where it belongs). It never writes when CI=true: CI only checks.");
        if (write && onCi)
            message.AppendLine($"({ModuleMap.WriteVariable}=1 was ignored here because CI=true.)");
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void The_map_of_the_broken_fixture_draws_its_cycle()
    {
        Assert.Equal(
            """
            <!-- module-map:start -->
            ```mermaid
            flowchart TD
                Alpha --> Beta
                Beta --> Alpha
            ```
            <!-- module-map:end -->
            """.ReplaceLineEndings("\n"),
            ModuleMap.Render(Architectures.Fixture, Planted.Fixture.BrokenRoot));
    }

    [Fact]
    public void The_block_is_found_and_replaced_between_its_markers_and_appended_when_there_are_none()
    {
        var block = ModuleMap.Render(Architectures.Fixture, Planted.Fixture.CleanRoot);
        const string Stale = "<!-- module-map:start -->\r\n```mermaid\r\nflowchart TD\r\n    Access --> Orders   \r\n```\r\n<!-- module-map:end -->";
        var readme = $"# Title\r\n\r\nBefore.\r\n\r\n{Stale}\r\n\r\nAfter.\r\n";

        Assert.Equal("<!-- module-map:start -->\n```mermaid\nflowchart TD\n    Access --> Orders\n```\n<!-- module-map:end -->", ModuleMap.Find(readme));
        var rewritten = ModuleMap.Replace(readme, block);
        Assert.Equal($"# Title\n\nBefore.\n\n{block}\n\nAfter.\n", rewritten);
        Assert.Equal(block, ModuleMap.Find(rewritten));

        Assert.Null(ModuleMap.Find("# Title\n"));
        var appended = ModuleMap.Replace("# Title\n", block);
        Assert.Equal($"# Title\n\n## Module map\n\n{block}\n", appended);
        Assert.Equal(block, ModuleMap.Find(appended));
    }

    private static List<string> Lines(string block) => [.. block.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal) || (l.StartsWith("    ", StringComparison.Ordinal) && l.Trim().Length > 0))];

    /// <summary>The folder holding AfterSales.slnx, found by walking up from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No AfterSales.slnx above {AppContext.BaseDirectory}: cannot find README.md.");
    }
}
