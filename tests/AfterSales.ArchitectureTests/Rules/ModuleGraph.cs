using ArchUnitNET.Domain;

namespace AfterSales.ArchitectureTests.Rules;

/// <summary>
/// Modules as nodes; an edge M -> N when any type of M depends on any type of N. Each edge keeps the type
/// dependencies behind it, so that a message can say which code to change.
/// </summary>
public sealed class ModuleGraph
{
    private ModuleGraph(IReadOnlyList<string> modules, IReadOnlyDictionary<(string From, string To), IReadOnlyList<TypeDependency>> edges)
    {
        Modules = modules;
        Edges = edges;
        // A dictionary promises no order; messages and the module map need one that is the same on every run.
        EdgeList = [.. edges.Keys.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];
    }

    /// <summary>Every module that has a type, sorted.</summary>
    public IReadOnlyList<string> Modules { get; }

    /// <summary>Every edge with its type dependencies (each list sorted by origin, then target type).</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<TypeDependency>> Edges { get; }

    /// <summary>Every edge, sorted by origin module, then target module.</summary>
    public IReadOnlyList<(string From, string To)> EdgeList { get; }

    public IEnumerable<string> Successors(string module) => EdgeList.Where(e => e.From == module).Select(e => e.To);

    public static ModuleGraph Build(Architecture architecture, string root)
    {
        var modules = architecture.Types
            .Select(t => Areas.Of(t.Namespace?.FullName, root))
            .Where(a => a.Kind == AreaKind.Module)
            .Select(a => a.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var edges = TypeDependencies.Of(architecture, root)
            .Where(d => d.OriginArea.Kind == AreaKind.Module && d.TargetArea.Kind == AreaKind.Module && d.OriginArea.Name != d.TargetArea.Name)
            .GroupBy(d => (From: d.OriginArea.Name, To: d.TargetArea.Name))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TypeDependency>)[.. g]);
        return new ModuleGraph(modules, edges);
    }

    /// <summary>
    /// Tarjan's strongly connected components, each sorted, in order of their first module. A component of more than
    /// one module is a set of modules that all reach each other: every edge inside it lies on a cycle.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> StronglyConnectedComponents()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();

        // The module graph has a dozen nodes, so recursion is not a stack risk here.
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Successors(v))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out var wIndex))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }
            if (low[v] != index[v])
                return;
            var component = new List<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            }
            while (popped != v);
            component.Sort(StringComparer.Ordinal);
            components.Add(component);
        }

        foreach (var module in Modules)
        {
            if (!index.ContainsKey(module))
                Visit(module);
        }
        return [.. components.OrderBy(c => c[0], StringComparer.Ordinal)];
    }

    /// <summary>
    /// Witness cycles that together cover every edge inside every component: for each edge M -> N not yet on a
    /// reported cycle, the cycle M -> N -> ... -> M that returns by the shortest path. Listing all simple cycles
    /// could run into thousands; this way each edge to cut shows up at least once, on a cycle that proves it is one.
    /// </summary>
    public IReadOnlyList<ModuleCycle> Cycles()
    {
        var cycles = new List<ModuleCycle>();
        foreach (var component in StronglyConnectedComponents().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet();
            var covered = new HashSet<(string, string)>();
            foreach (var edge in EdgeList.Where(e => members.Contains(e.From) && members.Contains(e.To)))
            {
                if (covered.Contains(edge))
                    continue;
                var back = ShortestPath(edge.To, edge.From, members);
                List<string> path = [edge.From, .. back];
                for (var i = 0; i + 1 < path.Count; i++)
                    covered.Add((path[i], path[i + 1]));
                cycles.Add(new ModuleCycle(component, path));
            }
        }
        return cycles;
    }

    /// <summary>Breadth-first inside one component, neighbours in name order, so the witness is the same on every run.</summary>
    private List<string> ShortestPath(string from, string to, HashSet<string> within)
    {
        var previous = new Dictionary<string, string> { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
                break;
            foreach (var next in Successors(current).Where(within.Contains))
            {
                if (previous.TryAdd(next, current))
                    queue.Enqueue(next);
            }
        }
        var path = new List<string> { to };
        while (path[^1] != from)
            path.Add(previous[path[^1]]);
        path.Reverse();
        return path;
    }
}

/// <summary>
/// A cycle between modules: <paramref name="Path"/> starts and ends with the same module; <paramref name="Component"/>
/// is every module caught in the same knot.
/// </summary>
public sealed record ModuleCycle(IReadOnlyList<string> Component, IReadOnlyList<string> Path)
{
    public IEnumerable<(string From, string To)> Edges => Path.Zip(Path.Skip(1));

    public override string ToString() => string.Join(" -> ", Path);
}
