using AfterSales.ArchitectureTests.Rules;
namespace AfterSales.ArchitectureTests;
public sealed class Probe
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var root in new[] { "Planted", "Clean" })
        {
            lines.Add("#### " + root);
            foreach (var d in TypeDependencies.Of(Architectures.Fixture, root)) lines.Add($"DEP {d} [{d.OriginArea.Label} -> {d.TargetArea.Label}]");
            lines.Add(ViolationReport.Format("R1", "", ArchitectureRules.NoModuleCycles(Architectures.Fixture, root)));
            lines.Add(ViolationReport.Format("R2", "", ArchitectureRules.FrontDoorOnly(Architectures.Fixture, root)));
            lines.Add(ViolationReport.Format("R3", "", ArchitectureRules.PlatformIndependentOfModules(Architectures.Fixture, root)));
            lines.Add(ViolationReport.Format("R4", "", ArchitectureRules.DomainFreeOfInfrastructure(Architectures.Fixture, root)));
            lines.Add(ViolationReport.Format("R5", "", ArchitectureRules.UiKeepsOffTheDbContext(Architectures.Fixture, root)));
            lines.Add(ViolationReport.Format("R6", "", ArchitectureRules.ModuleInternalsNotPublic(Architectures.Fixture, root)));
            lines.Add(ModuleMap.Render(Architectures.Fixture, root));
        }
        File.WriteAllLines("/tmp/probe.txt", lines);
    }
}
