namespace AfterSales.ArchitectureTests.Rules;

/// <summary>What part of the application a namespace belongs to.</summary>
public enum AreaKind
{
    /// <summary>&lt;root&gt;.Modules.&lt;Module&gt; and below.</summary>
    Module,

    /// <summary>Below every module: SharedKernel, Data (with its migrations), Hosting, Resources.</summary>
    Platform,

    /// <summary>Above the modules: Pages (Razor pages and their compiled views), Web.</summary>
    Ui,

    /// <summary>Anything else under the root, such as the root namespace itself: it wires everything and is unconstrained.</summary>
    CompositionRoot,

    /// <summary>Not under the root: Program, compiler-generated types, other assemblies. Unconstrained as an origin.</summary>
    Outside,
}

/// <summary>
/// The area of one namespace. <paramref name="Name"/> is the module's name (the first segment after Modules) or the
/// platform or UI area's name (the first segment after the root); <paramref name="Inner"/> is the rest of the
/// namespace below it, "" at its root.
/// </summary>
public sealed record Area(AreaKind Kind, string Name, string Inner)
{
    public static readonly Area Outside = new(AreaKind.Outside, "", "");

    /// <summary>
    /// A module's public surface: Modules.&lt;M&gt;.Contracts[.*] and Modules.&lt;M&gt;.Domain[.*], or the same one level down in a
    /// sub-area of a module that groups two (Modules.ServiceStandards.Sla.Domain, Modules.Integration.Webhooks.Domain).
    /// </summary>
    public bool IsFrontDoor => Kind == AreaKind.Module && (IsPart("Contracts") || IsPart("Domain"));

    /// <summary>Modules.&lt;M&gt;.Domain[.*] or Modules.&lt;M&gt;.&lt;Sub&gt;.Domain[.*].</summary>
    public bool IsDomain => Kind == AreaKind.Module && IsPart("Domain");

    private bool IsPart(string part)
    {
        if (IsOrUnder(Inner, part)) return true;
        var dot = Inner.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && IsOrUnder(Inner[(dot + 1)..], part);
    }

    /// <summary>How an area is named in failure messages and the module map.</summary>
    public string Label => Kind switch
    {
        AreaKind.Module => Name,
        AreaKind.Platform => $"{Name} (platform)",
        AreaKind.Ui => $"{Name} (UI)",
        AreaKind.CompositionRoot => "composition root",
        _ => "outside",
    };

    internal static bool IsOrUnder(string ns, string prefix) =>
        ns.Length == prefix.Length
            ? string.Equals(ns, prefix, StringComparison.Ordinal)
            : ns.StartsWith(prefix, StringComparison.Ordinal) && ns[prefix.Length] == '.';
}

/// <summary>Sorts namespaces into areas, relative to a root prefix ("AfterSales.Web" for the real assembly).</summary>
public static class Areas
{
    /// <summary>The platform areas, first segment after the root.</summary>
    public static readonly IReadOnlyList<string> Platform = ["SharedKernel", "Data", "Hosting", "Resources"];

    /// <summary>The UI areas, first segment after the root.</summary>
    public static readonly IReadOnlyList<string> Ui = ["Pages", "Web"];

    public static Area Of(string? ns, string root)
    {
        if (ns is null || !Area.IsOrUnder(ns, root))
            return Area.Outside;
        var segments = ns.Length == root.Length ? [] : ns[(root.Length + 1)..].Split('.');
        if (segments.Length >= 2 && segments[0] == "Modules")
            return new Area(AreaKind.Module, segments[1], string.Join('.', segments[2..]));
        if (segments.Length >= 1 && Platform.Contains(segments[0]))
            return new Area(AreaKind.Platform, segments[0], string.Join('.', segments[1..]));
        if (segments.Length >= 1 && Ui.Contains(segments[0]))
            return new Area(AreaKind.Ui, segments[0], string.Join('.', segments[1..]));
        return new Area(AreaKind.CompositionRoot, "", string.Join('.', segments));
    }
}
