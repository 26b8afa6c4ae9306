using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ArchUnitNET.Domain;

namespace AfterSales.ArchitectureTests.Rules;

/// <summary>One type's use of another, with both names as failure messages print them.</summary>
public sealed record TypeDependency(string Origin, string Target, Area OriginArea, Area TargetArea, IType OriginType, IType TargetType)
{
    public override string ToString() => $"{Origin} -> {Target}";
}

/// <summary>
/// The type-level dependencies of the types under a root prefix, as ArchUnitNET reads them from IL: base types,
/// interfaces, fields, properties, signatures, attributes, and method bodies (calls, locals, casts, typeof).
/// </summary>
public static class TypeDependencies
{
    // Every rule walks the same list; working it out once per architecture and root keeps the test run short.
    private static readonly ConditionalWeakTable<Architecture, ConcurrentDictionary<string, IReadOnlyList<TypeDependency>>> s_cache = [];

    /// <summary>
    /// Distinct (origin, target) pairs whose origin is under <paramref name="root"/>. Targets may be anywhere (rule 4
    /// looks at EF Core and ASP.NET Core). A type's use of itself and of generic parameters is left out.
    /// </summary>
    public static IReadOnlyList<TypeDependency> Of(Architecture architecture, string root) =>
        s_cache.GetOrCreateValue(architecture).GetOrAdd(root, r => Extract(architecture, r));

    /// <summary>
    /// The name a type is reported and counted under. Compiler-generated nested types (a lambda's closure "+&lt;&gt;c"
    /// or "+&lt;&gt;c__DisplayClass", an async or iterator state machine "+&lt;Method&gt;d__N") belong to the type
    /// whose source they were written in: ArchUnitNET already folds their dependencies into it and leaves them out of
    /// Architecture.Types, and cutting the name here keeps the rules right should one still show up.
    /// </summary>
    public static string Owner(string fullName)
    {
        var generated = fullName.IndexOf("+<", StringComparison.Ordinal);
        return generated > 0 ? fullName[..generated] : fullName;
    }

    private static List<TypeDependency> Extract(Architecture architecture, string root)
    {
        var seen = new HashSet<(string, string)>();
        var result = new List<TypeDependency>();
        foreach (var type in architecture.Types)
        {
            if (Areas.Of(type.Namespace?.FullName, root).Kind == AreaKind.Outside)
                continue;
            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                if (target.IsGenericParameter || target is GenericParameter)
                    continue;
                var origin = Owner(dependency.Origin.FullName);
                var targetName = Owner(target.FullName);
                if (origin == targetName || !seen.Add((origin, targetName)))
                    continue;
                result.Add(new TypeDependency(
                    origin,
                    targetName,
                    Areas.Of(dependency.Origin.Namespace?.FullName, root),
                    Areas.Of(target.Namespace?.FullName, root),
                    dependency.Origin,
                    target));
            }
        }
        result.Sort(ByName);
        return result;
    }

    /// <summary>Ordinal, so that messages and the module map read the same on every machine.</summary>
    public static int ByName(TypeDependency a, TypeDependency b)
    {
        var byOrigin = string.CompareOrdinal(a.Origin, b.Origin);
        return byOrigin != 0 ? byOrigin : string.CompareOrdinal(a.Target, b.Target);
    }
}
