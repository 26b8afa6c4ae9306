using ArchUnitNET.Loader;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;

namespace AfterSales.ArchitectureTests;

public sealed class GraphDump
{
    [Fact]
    public void Dump()
    {
        var arch = new ArchLoader().LoadAssemblies(typeof(AfterSales.Web.Data.AfterSalesDbContext).Assembly).Build();
        var lines = new List<string>();
        lines.Add($"Types {arch.Types.Count()} Referenced {arch.ReferencedTypes.Count()} Namespaces {arch.Namespaces.Count()}");
        foreach (var t in arch.Types.OrderBy(t => t.FullName))
        {
            lines.Add($"T {t.FullName} | ns={t.Namespace.FullName} | name={t.Name} | vis={t.Visibility} | nested={t.IsNested} | cg={t.IsCompilerGenerated} | asm={t.Assembly.Name} | deps={t.Dependencies.Count}");
        }
        File.WriteAllLines("/tmp/types.txt", lines);
        var deps = new List<string>();
        foreach (var t in arch.Types.OrderBy(t => t.FullName))
            foreach (var d in t.Dependencies)
                deps.Add($"{t.FullName} :: {d.GetType().Name} :: {d.Origin.FullName} -> {d.Target.FullName} [{d.Target.Namespace?.FullName}] {d.Target.GetType().Name}");
        File.WriteAllLines("/tmp/deps.txt", deps);
        File.WriteAllLines("/tmp/inh.txt", arch.Classes.Where(c => c.FullName.Contains("DbContext") || c.FullName.Contains("Pages.Admin") || c.FullName.Contains("Migrations.Sqlite.Initial") || c.FullName.Contains("Snapshot") || c.FullName.Contains("AppUser")).Select(c => c.FullName + " : " + string.Join(" : ", c.InheritedClasses.Select(b => b.FullName + (b.IsStub ? "(stub)" : "")))));
        var asm = typeof(AfterSales.Web.Data.AfterSalesDbContext).Assembly;
        File.WriteAllLines("/tmp/refl.txt", asm.GetTypes().Select(t => $"{t.FullName} | {string.Join(",", t.CustomAttributes.Select(a => a.AttributeType.Name))}"));
    }
}
