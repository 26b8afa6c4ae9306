using ArchUnitNET.Domain;

namespace AfterSales.ArchitectureTests.Rules;

/// <summary>
/// The rules that keep the module graph one-way, as plain functions of an architecture and a root prefix, so that the
/// same code checks AfterSales.Web (root "AfterSales.Web") and the fixture (roots "Planted" and "Clean"). Each returns
/// every violation; none means the rule holds.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>How many type dependencies a cycle's message shows per edge; the count says how many there are in all.</summary>
    public const int ExamplesPerEdge = 5;

    /// <summary>
    /// The one documented exception to rule 3, relative to the root. ASP.NET Core Identity needs the user type as the
    /// generic argument of the DbContext (IdentityDbContext&lt;AppUser&gt;), so the context, its engine subclasses
    /// and EF Core's generated designer and snapshot classes for them name AppUser. Nothing else in the platform may
    /// name a module's type. An origin ending in ".*" means every type in that namespace and below.
    /// </summary>
    public static readonly IReadOnlyList<PlatformAllowance> PlatformAllowances =
    [
        new("Data.AfterSalesDbContext", "Modules.Access.Domain.AppUser"),
        new("Data.SqliteAfterSalesDbContext", "Modules.Access.Domain.AppUser"),
        new("Data.PostgresAfterSalesDbContext", "Modules.Access.Domain.AppUser"),
        new("Data.Migrations.*", "Modules.Access.Domain.AppUser"),
    ];

    /// <summary>Namespaces a module's Domain keeps out of (rule 4): persistence and web are the outer layers' business.</summary>
    public static readonly IReadOnlyList<string> DomainForbiddenPrefixes = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql"];

    /// <summary>
    /// The exception to rule 4. AppUser is a domain type that must derive from Identity's IdentityUser (its
    /// non-generic class and the generic base that declares its properties); despite the namespace
    /// Microsoft.AspNetCore.Identity it ships in Microsoft.Extensions.Identity.Stores, a plain model package with no
    /// web or EF Core in it. Identity's other types (stores, managers, attributes) stay out of Domain.
    /// </summary>
    public static readonly IReadOnlyList<string> DomainAllowedTargets = ["Microsoft.AspNetCore.Identity.IdentityUser", "Microsoft.AspNetCore.Identity.IdentityUser`1"];

    /// <summary>Relative to the root: the DbContext (and, found through inheritance, its subclasses) that rule 5 keeps from the UI.</summary>
    public const string DbContextName = "Data.AfterSalesDbContext";

    private const string PageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";
    private static readonly string[] s_migrationBases = ["Microsoft.EntityFrameworkCore.Migrations.Migration", "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot"];

    /// <summary>
    /// Rule 1: no cycle between modules. Reports witness cycles covering every edge inside each strongly connected
    /// component, with up to <see cref="ExamplesPerEdge"/> type dependencies per edge.
    /// </summary>
    public static IReadOnlyList<Violation> NoModuleCycles(Architecture architecture, string root)
    {
        var graph = ModuleGraph.Build(architecture, root);
        var knots = graph.StronglyConnectedComponents().Where(c => c.Count > 1).ToList();
        var cycles = graph.Cycles();
        var violations = new List<Violation>();
        for (var i = 0; i < cycles.Count; i++)
        {
            var cycle = cycles[i];
            var knot = knots.FindIndex(k => k.SequenceEqual(cycle.Component)) + 1;
            var section = $"Cycle {i + 1} of {cycles.Count} (knot {knot}): {cycle}";
            foreach (var edge in cycle.Edges)
            {
                var dependencies = graph.Edges[edge];
                var shown = Examples(dependencies, ExamplesPerEdge);
                var group = $"{edge.From} -> {edge.To}: {dependencies.Count} type dependenc{(dependencies.Count == 1 ? "y" : "ies")}"
                    + (shown.Count < dependencies.Count ? $", {shown.Count} shown" : "");
                violations.AddRange(shown.Select(d => new Violation(section, group, d.ToString())));
            }
        }
        return violations;
    }

    /// <summary>
    /// What rule 1's witness cycles are drawn from: each knot (strongly connected component of more than one module:
    /// modules that all reach each other) with every edge inside it, each of which lies on some cycle.
    /// </summary>
    public static string CycleOverview(Architecture architecture, string root)
    {
        var graph = ModuleGraph.Build(architecture, root);
        var text = new System.Text.StringBuilder();
        var knots = graph.StronglyConnectedComponents().Where(c => c.Count > 1).ToList();
        for (var k = 0; k < knots.Count; k++)
        {
            var inside = graph.EdgeList.Where(e => knots[k].Contains(e.From) && knots[k].Contains(e.To)).ToList();
            text.AppendLine($"Knot {k + 1}: {knots[k].Count} modules that all reach each other ({string.Join(", ", knots[k])}), with {inside.Count} edges inside:");
            foreach (var edge in inside)
            {
                var count = graph.Edges[edge].Count;
                text.AppendLine($"    {edge.From} -> {edge.To}: {count} type dependenc{(count == 1 ? "y" : "ies")}");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Rule 2: a module, the platform or the UI uses another module only through its front door,
    /// Modules.&lt;M&gt;.Contracts[.*] or Modules.&lt;M&gt;.Domain[.*]. Features, Data, Automation and a module's root
    /// namespace are its own.
    /// </summary>
    public static IReadOnlyList<Violation> FrontDoorOnly(Architecture architecture, string root) =>
        ByEdge(TypeDependencies.Of(architecture, root).Where(d =>
            d.OriginArea.Kind is AreaKind.Module or AreaKind.Platform or AreaKind.Ui
            && d.TargetArea.Kind == AreaKind.Module
            && !(d.OriginArea.Kind == AreaKind.Module && d.OriginArea.Name == d.TargetArea.Name)
            && !d.TargetArea.IsFrontDoor));

    /// <summary>Rule 3: the platform depends on no module, but for <see cref="PlatformAllowances"/>.</summary>
    public static IReadOnlyList<Violation> PlatformIndependentOfModules(Architecture architecture, string root) =>
        ByEdge(TypeDependencies.Of(architecture, root).Where(d =>
            d.OriginArea.Kind == AreaKind.Platform
            && d.TargetArea.Kind == AreaKind.Module
            && !PlatformAllowances.Any(a => a.Allows(root, d.Origin, d.Target))));

    /// <summary>
    /// Rule 4: a module's Domain namespace does not depend on EF Core, ASP.NET Core or Npgsql, but for
    /// <see cref="DomainAllowedTargets"/>.
    /// </summary>
    public static IReadOnlyList<Violation> DomainFreeOfInfrastructure(Architecture architecture, string root) =>
        [.. TypeDependencies.Of(architecture, root)
            .Where(d => d.OriginArea.IsDomain && !DomainAllowedTargets.Contains(d.Target))
            .Select(d => (Dependency: d, Prefix: DomainForbiddenPrefixes.FirstOrDefault(p => d.Target.StartsWith(p, StringComparison.Ordinal))))
            .Where(x => x.Prefix is not null)
            .Select(x => (Group: $"{x.Dependency.OriginArea.Name} (Domain) -> {x.Prefix}*", x.Dependency))
            .OrderBy(x => x.Group, StringComparer.Ordinal)
            .ThenBy(x => x.Dependency, Comparer<TypeDependency>.Create(TypeDependencies.ByName))
            .Select(x => new Violation("", x.Group, x.Dependency.ToString()))];

    /// <summary>
    /// Rule 5: no Razor page model (a class deriving from PageModel, wherever it is) and no type in the UI namespaces
    /// depends on &lt;root&gt;.Data.AfterSalesDbContext or a subclass of it, in any way (constructor parameter,
    /// field, property, call). If the context is not found the rule says so instead of passing for want of a target.
    /// </summary>
    public static IReadOnlyList<Violation> UiKeepsOffTheDbContext(Architecture architecture, string root)
    {
        var contextName = $"{root}.{DbContextName}";
        var contexts = architecture.Classes
            .Where(c => c.FullName == contextName || c.InheritedClasses.Any(b => b.FullName == contextName))
            .Select(c => c.FullName)
            .ToHashSet(StringComparer.Ordinal);
        if (!contexts.Contains(contextName))
            return [new Violation("", "rule 5 has nothing to check", $"{contextName} is not in the assembly: point {nameof(DbContextName)} at the application's DbContext")];

        var pageModels = architecture.Classes
            .Where(c => c.InheritedClasses.Any(b => b.FullName == PageModel))
            .Select(c => c.FullName)
            .ToHashSet(StringComparer.Ordinal);
        // A page model's nested types (its input models, say) are part of it.
        bool IsPageModel(string type) => pageModels.Contains(type) || pageModels.Contains(type.Split('+')[0]);

        return [.. TypeDependencies.Of(architecture, root)
            .Where(d => contexts.Contains(d.Target) && (d.OriginArea.Kind == AreaKind.Ui || IsPageModel(d.Origin)))
            .OrderBy(d => d.OriginArea.Label, StringComparer.Ordinal)
            .ThenBy(d => d, Comparer<TypeDependency>.Create(TypeDependencies.ByName))
            .Select(d => new Violation("", $"{(d.OriginArea.Kind == AreaKind.Ui ? d.OriginArea.Label : $"{d.OriginArea.Label} page model")} -> {d.TargetArea.Label}", d.ToString()))];
    }

    /// <summary>
    /// Rule 6: a module's types outside Contracts and Domain are internal. Nested types (their outer type already
    /// limits who reaches them), compiler-generated types and EF Core migrations and snapshots (which EF generates
    /// public) are left alone.
    /// </summary>
    public static IReadOnlyList<Violation> ModuleInternalsNotPublic(Architecture architecture, string root) =>
        [.. architecture.Types
            .Select(t => (Type: t, Area: Areas.Of(t.Namespace?.FullName, root)))
            .Where(x => x.Area.Kind == AreaKind.Module
                && !x.Area.IsFrontDoor
                && x.Type.Visibility == Visibility.Public
                && !x.Type.IsNested
                && !x.Type.IsCompilerGenerated
                && !x.Type.Name.Contains('<', StringComparison.Ordinal)
                && !(x.Type is Class c && c.InheritedClasses.Any(b => s_migrationBases.Contains(b.FullName))))
            .OrderBy(x => x.Type.FullName, StringComparer.Ordinal)
            .Select(x => new Violation("", $"{x.Area.Name}{(x.Area.Inner.Length > 0 ? "." + x.Area.Inner : "")}", $"{x.Type.FullName} is public"))];

    /// <summary>One violation per dependency, grouped by area edge ("Cases -> Access", "Data (platform) -> Cases").</summary>
    private static List<Violation> ByEdge(IEnumerable<TypeDependency> dependencies) =>
        [.. dependencies
            .Select(d => (Group: $"{d.OriginArea.Label} -> {d.TargetArea.Label}", Dependency: d))
            .OrderBy(x => x.Group, StringComparer.Ordinal)
            .ThenBy(x => x.Dependency, Comparer<TypeDependency>.Create(TypeDependencies.ByName))
            .Select(x => new Violation("", x.Group, x.Dependency.ToString()))];

    /// <summary>Up to <paramref name="count"/> examples, from as many different origin types as possible.</summary>
    private static List<TypeDependency> Examples(IReadOnlyList<TypeDependency> dependencies, int count) =>
        [.. dependencies
            .GroupBy(d => d.Origin)
            .SelectMany(g => g.Select((d, rank) => (d, rank)))
            .OrderBy(x => x.rank)
            .ThenBy(x => x.d, Comparer<TypeDependency>.Create(TypeDependencies.ByName))
            .Take(count)
            .Select(x => x.d)
            .Order(Comparer<TypeDependency>.Create(TypeDependencies.ByName))];
}

/// <summary>
/// An allowed platform-to-module dependency, both names relative to the root. An origin ending in ".*" matches every
/// type in that namespace and below.
/// </summary>
public sealed record PlatformAllowance(string Origin, string Target)
{
    public bool Allows(string root, string origin, string target)
    {
        if (target != $"{root}.{Target}")
            return false;
        return Origin.EndsWith(".*", StringComparison.Ordinal)
            ? origin.StartsWith($"{root}.{Origin[..^1]}", StringComparison.Ordinal)
            : origin == $"{root}.{Origin}" || origin.StartsWith($"{root}.{Origin}+", StringComparison.Ordinal);
    }
}
