using AfterSales.ArchitectureTests.Rules;

namespace AfterSales.ArchitectureTests;

/// <summary>
/// The rules on AfterSales.Web. A failure lists every violation, one "Origin.Type -> Target.Type" per line under the
/// edge it is on; tests/AfterSales.ArchitectureTests/README.md says what each rule means and why.
/// </summary>
public sealed class WebArchitectureTests
{
    private const string Root = Architectures.WebRoot;

    [Fact]
    public void The_web_assembly_is_read_with_its_modules()
    {
        // Guards every other test here: a rule finds nothing to complain about in an assembly it did not read.
        var graph = ModuleGraph.Build(Architectures.Web, Root);
        Assert.Contains("Access", graph.Modules);
        Assert.Contains("Cases", graph.Modules);
        Assert.True(TypeDependencies.Of(Architectures.Web, Root).Count > 1000, "the web project's type dependencies are read");
    }

    [Fact]
    public void Modules_form_no_cycle()
    {
        var violations = ArchitectureRules.NoModuleCycles(Architectures.Web, Root);
        AssertNone(
            "Rule 1: the modules form no cycle.",
            "a cycle makes the modules in it one module in all but name: none can change, be tested or be split off alone. "
                + "Cut edges until no cycle is left (move the type into the target's Contracts, or down into the shared kernel, or turn the call into an event).",
            violations,
            ArchitectureRules.CycleOverview(Architectures.Web, Root)
                + $"{violations.Select(v => v.Section).Distinct().Count()} witness cycle(s) that together take in every edge of every knot; per edge, up to {ArchitectureRules.ExamplesPerEdge} of its type dependencies:");
    }

    [Fact]
    public void Other_modules_the_platform_and_the_UI_use_a_module_only_through_its_Contracts_and_Domain()
    {
        AssertNone(
            "Rule 2: another module, the platform or the UI uses a module only through AfterSales.Web.Modules.<M>.Contracts[.*] or .Domain[.*].",
            "everything else in a module (Features, Data, Automation, its root namespace) is its own to change; a use from outside pins it. "
            + "Fix: ask the owning module for it in its Contracts (a query, a read record or a use case it exposes), or move the type there.",
            ArchitectureRules.FrontDoorOnly(Architectures.Web, Root));
    }

    [Fact]
    public void The_platform_depends_on_no_module_but_for_the_Identity_user()
    {
        AssertNone(
            "Rule 3: SharedKernel, Data, Hosting and Resources depend on no module (allowed: AfterSalesDbContext, its engine subclasses and migrations -> Modules.Access.Domain.AppUser).",
            "the platform sits below every module; a platform type that names a module makes every module depend on that one.",
            ArchitectureRules.PlatformIndependentOfModules(Architectures.Web, Root));
    }

    [Fact]
    public void Module_domains_do_not_depend_on_EF_Core_ASP_NET_Core_or_Npgsql()
    {
        AssertNone(
            "Rule 4: AfterSales.Web.Modules.<M>.Domain[.*] does not depend on Microsoft.EntityFrameworkCore*, Microsoft.AspNetCore* or Npgsql* (allowed: IdentityUser as AppUser's base).",
            "the domain is rules and data; mapping belongs in configurations outside Domain, and the web in Features and the UI.",
            ArchitectureRules.DomainFreeOfInfrastructure(Architectures.Web, Root));
    }

    [Fact]
    public void Page_models_and_the_UI_do_not_use_the_DbContext()
    {
        AssertNone(
            "Rule 5: no Razor page model and no type in AfterSales.Web.Pages or AfterSales.Web.Web depends on AfterSalesDbContext or its subclasses.",
            "the UI reads and writes through the modules' contracts, which own the queries, scoping and invariants.",
            ArchitectureRules.UiKeepsOffTheDbContext(Architectures.Web, Root));
    }

    [Fact]
    public void Module_types_outside_Contracts_and_Domain_are_internal()
    {
        var violations = ArchitectureRules.ModuleInternalsNotPublic(Architectures.Web, Root);
        AssertNone(
            "Rule 6: a module's types outside Contracts and Domain are internal (nested, compiler-generated and EF migration classes aside).",
            "public is a module's promise to the rest of the application; a public type in Features or Data promises what rule 2 forbids using, and turns into a compile error to use once the module moves into a project of its own.",
            violations,
            $"{violations.Count} public type(s) in {violations.Select(v => v.Group).Distinct().Count()} namespace(s):");
    }

    [Fact]
    public void Use_cases_open_write_transactions_through_BeginWriteAsync()
    {
        // An Idempotency-Key's request runs its use case inside the transaction that stores its answer; a use case
        // that began a transaction of its own there would throw ("already in a transaction"), and only on that path.
        var direct = Architectures.Web.Types
            // The request's transaction itself is begun by the idempotency middleware.
            .Where(t => t.Namespace?.FullName is { } ns && ns.StartsWith(Root, StringComparison.Ordinal) && ns != $"{Root}.Data"
                && t.FullName != $"{Root}.Hosting.Idempotency.IdempotencyMiddleware")
            .SelectMany(t => t.Dependencies.OfType<ArchUnitNET.Domain.Dependencies.MethodCallDependency>()
                .Where(d => d.TargetMember.DeclaringType.FullName == "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade"
                    && d.TargetMember.Name.StartsWith("BeginTransaction", StringComparison.Ordinal))
                .Select(d => new Violation("", "DatabaseFacade.BeginTransaction*", $"{TypeDependencies.Owner(t.FullName)} -> {d.TargetMember.Name}")))
            .Distinct()
            .ToList();
        Assert.True(Architectures.Web.Types.Any(t => t.Dependencies.OfType<ArchUnitNET.Domain.Dependencies.MethodCallDependency>()
            .Any(d => d.TargetMember.Name.StartsWith("BeginWriteAsync", StringComparison.Ordinal))), "the use cases' calls are read");
        AssertNone(
            "Rule 7: outside AfterSales.Web.Data and the idempotency middleware no code calls DatabaseFacade.BeginTransaction*; use cases call db.Database.BeginWriteAsync.",
            "inside a request with an Idempotency-Key the use case's writes must join the request's transaction (as a savepoint) so that the stored answer commits with them.",
            direct);
    }

    private static void AssertNone(string rule, string why, IReadOnlyList<Violation> violations, string? summary = null)
    {
        if (violations.Count > 0)
            Assert.Fail(ViolationReport.Format(rule, why, violations, summary));
    }
}
