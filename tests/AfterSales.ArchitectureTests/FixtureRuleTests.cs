using AfterSales.ArchitectureTests.Rules;
using ArchUnitNET.Domain;

namespace AfterSales.ArchitectureTests;

/// <summary>
/// Proof that each rule fires when broken and stays quiet when kept, on tests/AfterSales.ArchitectureTests.Planted:
/// under the root Planted every rule is broken once, on purpose; under the root Clean every rule is kept, by code that
/// does the nearby allowed thing (so that "quiet" is not just "nothing to look at").
/// </summary>
public sealed class FixtureRuleTests
{
    private const string Broken = Planted.Fixture.BrokenRoot;
    private const string Clean = Planted.Fixture.CleanRoot;

    private static Architecture Fixture => Architectures.Fixture;

    [Fact]
    public void A_lambda_and_an_async_method_count_as_dependencies_of_the_type_that_declares_them()
    {
        var dependencies = Lines(TypeDependencies.Of(Fixture, Broken));
        // Only the lambda in AlphaWorkflow.Plan names BetaHandler; only the async body of HandleAsync names IAlphaApi.
        Assert.Contains("Planted.Modules.Alpha.Features.AlphaWorkflow -> Planted.Modules.Beta.Features.BetaHandler", dependencies);
        Assert.Contains("Planted.Modules.Beta.Features.BetaHandler -> Planted.Modules.Alpha.Contracts.IAlphaApi", dependencies);
        // No closure or state machine shows up under a name of its own.
        Assert.DoesNotContain(dependencies, d => d.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_1_reports_the_planted_cycle_with_a_witness_path_and_the_dependencies_on_each_edge()
    {
        var violations = ArchitectureRules.NoModuleCycles(Fixture, Broken);
        Assert.Equal(["Cycle 1 of 1 (knot 1): Alpha -> Beta -> Alpha"], violations.Select(v => v.Section).Distinct());
        Assert.Equal(["Alpha -> Beta: 1 type dependency", "Beta -> Alpha: 1 type dependency"], violations.Select(v => v.Group).Distinct());
        Assert.Equal(
            [
                "Planted.Modules.Alpha.Features.AlphaWorkflow -> Planted.Modules.Beta.Features.BetaHandler",
                "Planted.Modules.Beta.Features.BetaHandler -> Planted.Modules.Alpha.Contracts.IAlphaApi",
            ],
            Lines(violations));
    }

    [Fact]
    public void Rule_1_names_every_edge_of_the_planted_knot()
    {
        Assert.Equal(
            """
            Knot 1: 2 modules that all reach each other (Alpha, Beta), with 2 edges inside:
                Alpha -> Beta: 1 type dependency
                Beta -> Alpha: 1 type dependency

            """.ReplaceLineEndings(Environment.NewLine),
            ArchitectureRules.CycleOverview(Fixture, Broken));
        Assert.Equal("", ArchitectureRules.CycleOverview(Fixture, Clean));
    }

    [Fact]
    public void Rule_1_is_quiet_on_a_one_way_graph()
    {
        var graph = ModuleGraph.Build(Fixture, Clean);
        Assert.Equal([("Orders", "Access")], graph.EdgeList);
        Assert.Empty(ArchitectureRules.NoModuleCycles(Fixture, Clean));
    }

    [Fact]
    public void Tarjan_finds_each_module_of_a_cycle_in_one_component()
    {
        Assert.Equal([["Alpha", "Beta"]], ModuleGraph.Build(Fixture, Broken).StronglyConnectedComponents());
        Assert.Equal([["Access"], ["Orders"]], ModuleGraph.Build(Fixture, Clean).StronglyConnectedComponents());
    }

    [Fact]
    public void Rule_2_reports_a_use_of_another_modules_Features()
    {
        var violations = ArchitectureRules.FrontDoorOnly(Fixture, Broken);
        Assert.Equal(["Alpha -> Beta"], violations.Select(v => v.Group).Distinct());
        Assert.Equal(["Planted.Modules.Alpha.Features.AlphaWorkflow -> Planted.Modules.Beta.Features.BetaHandler"], Lines(violations));
    }

    [Fact]
    public void Rule_2_is_quiet_on_uses_of_Contracts_and_Domain_and_on_the_composition_root()
    {
        var dependencies = Lines(TypeDependencies.Of(Fixture, Clean));
        Assert.Contains("Clean.Modules.Orders.Features.OrderService -> Clean.Modules.Access.Contracts.IUserDirectory", dependencies);
        Assert.Contains("Clean.Web.OrderLinks -> Clean.Modules.Orders.Domain.Order", dependencies);
        Assert.Contains("Clean.Data.AfterSalesDbContext -> Clean.Modules.Access.Domain.AppUser", dependencies);
        // The composition root wires module internals together; no rule looks at it.
        Assert.Contains("Clean.Composition -> Clean.Modules.Orders.Features.OrderService", dependencies);
        Assert.Empty(ArchitectureRules.FrontDoorOnly(Fixture, Clean));
    }

    [Fact]
    public void Rule_3_reports_the_shared_kernel_and_the_DbContext_using_a_module_type()
    {
        var violations = ArchitectureRules.PlatformIndependentOfModules(Fixture, Broken);
        Assert.Equal(["Data (platform) -> Alpha", "SharedKernel (platform) -> Alpha"], violations.Select(v => v.Group).Distinct());
        // The DbContext has the allowed name, but the allowance covers the Identity user only.
        Assert.Equal(
            [
                "Planted.Data.AfterSalesDbContext -> Planted.Modules.Alpha.Domain.Widget",
                "Planted.SharedKernel.Clock -> Planted.Modules.Alpha.Domain.Widget",
            ],
            Lines(violations));
    }

    [Fact]
    public void Rule_3_is_quiet_on_the_documented_allowance_for_the_Identity_user()
    {
        var dependencies = Lines(TypeDependencies.Of(Fixture, Clean));
        Assert.Contains("Clean.Data.AfterSalesDbContext -> Clean.Modules.Access.Domain.AppUser", dependencies);
        Assert.Contains("Clean.Data.Migrations.SqliteAfterSalesDbContextModelSnapshot -> Clean.Modules.Access.Domain.AppUser", dependencies);
        Assert.Empty(ArchitectureRules.PlatformIndependentOfModules(Fixture, Clean));
    }

    [Fact]
    public void Rule_4_reports_a_domain_class_that_uses_EF_Core()
    {
        var violations = ArchitectureRules.DomainFreeOfInfrastructure(Fixture, Broken);
        Assert.Equal(["Alpha (Domain) -> Microsoft.EntityFrameworkCore*"], violations.Select(v => v.Group).Distinct());
        Assert.Equal(["Planted.Modules.Alpha.Domain.Widget -> Microsoft.EntityFrameworkCore.IndexAttribute"], Lines(violations));
    }

    [Fact]
    public void Rule_4_is_quiet_on_a_domain_user_that_derives_from_IdentityUser()
    {
        var dependencies = Lines(TypeDependencies.Of(Fixture, Clean));
        Assert.Contains("Clean.Modules.Access.Domain.AppUser -> Microsoft.AspNetCore.Identity.IdentityUser", dependencies);
        Assert.Contains("Clean.Modules.Access.Domain.AppUser -> Microsoft.AspNetCore.Identity.IdentityUser`1", dependencies);
        Assert.Empty(ArchitectureRules.DomainFreeOfInfrastructure(Fixture, Clean));
    }

    [Fact]
    public void Rule_5_reports_page_models_that_take_the_DbContext_or_a_subclass()
    {
        var violations = ArchitectureRules.UiKeepsOffTheDbContext(Fixture, Broken);
        Assert.Equal(["Beta page model -> Data (platform)", "Pages (UI) -> Data (platform)"], violations.Select(v => v.Group).Distinct());
        Assert.Equal(
            [
                "Planted.Modules.Beta.Features.BetaPageModel -> Planted.Data.SqliteAfterSalesDbContext",
                "Planted.Pages.EditModel -> Planted.Data.AfterSalesDbContext",
            ],
            Lines(violations));
    }

    [Fact]
    public void Rule_5_is_quiet_on_a_page_model_that_asks_a_module_contract()
    {
        Assert.Contains("Clean.Pages.IndexModel -> Clean.Modules.Access.Contracts.IUserDirectory", Lines(TypeDependencies.Of(Fixture, Clean)));
        Assert.Empty(ArchitectureRules.UiKeepsOffTheDbContext(Fixture, Clean));
    }

    [Fact]
    public void Rule_5_says_so_when_there_is_no_DbContext_to_keep_the_UI_from()
    {
        // A renamed context must not turn the rule into one that always passes.
        var violations = ArchitectureRules.UiKeepsOffTheDbContext(Fixture, "Nowhere");
        Assert.Equal(["Nowhere.Data.AfterSalesDbContext is not in the assembly: point DbContextName at the application's DbContext"], Lines(violations));
    }

    [Fact]
    public void Rule_6_reports_a_public_type_in_Features()
    {
        var violations = ArchitectureRules.ModuleInternalsNotPublic(Fixture, Broken);
        Assert.Equal(["Beta.Features"], violations.Select(v => v.Group).Distinct());
        Assert.Equal(["Planted.Modules.Beta.Features.BetaHandler is public"], Lines(violations));
    }

    [Fact]
    public void Rule_6_is_quiet_on_internal_types_public_nested_types_and_migrations()
    {
        var publicInModules = Fixture.Types
            .Where(t => t.Visibility == Visibility.Public && Areas.Of(t.Namespace?.FullName, Clean).Kind == AreaKind.Module)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        // Public, yet allowed: the front door, a nested record and an EF Core migration.
        Assert.Equal(
            [
                "Clean.Modules.Access.Contracts.IUserDirectory",
                "Clean.Modules.Access.Domain.AppUser",
                "Clean.Modules.Orders.Data.Migrations.OrdersInitial",
                "Clean.Modules.Orders.Domain.Order",
                "Clean.Modules.Orders.Features.OrderService+Summary",
            ],
            publicInModules);
        Assert.Empty(ArchitectureRules.ModuleInternalsNotPublic(Fixture, Clean));
    }

    [Fact]
    public void Failure_messages_list_every_violation_under_its_edge()
    {
        var message = ViolationReport.Format("Rule 3", "because", ArchitectureRules.PlatformIndependentOfModules(Fixture, Broken));
        Assert.Equal(
            """
            Rule 3
            Why: because
            2 violation(s) on 2 edge(s):

            Data (platform) -> Alpha
                Planted.Data.AfterSalesDbContext -> Planted.Modules.Alpha.Domain.Widget

            SharedKernel (platform) -> Alpha
                Planted.SharedKernel.Clock -> Planted.Modules.Alpha.Domain.Widget

            """.ReplaceLineEndings(Environment.NewLine),
            message);
    }

    [Theory]
    [InlineData("AfterSales.Web.Modules.Cases.Features", AreaKind.Module, "Cases", "Features", false)]
    [InlineData("AfterSales.Web.Modules.Cases", AreaKind.Module, "Cases", "", false)]
    [InlineData("AfterSales.Web.Modules.Cases.Contracts.Events", AreaKind.Module, "Cases", "Contracts.Events", true)]
    [InlineData("AfterSales.Web.Modules.Cases.Domain", AreaKind.Module, "Cases", "Domain", true)]
    [InlineData("AfterSales.Web.Modules.Cases.DomainEvents", AreaKind.Module, "Cases", "DomainEvents", false)]
    [InlineData("AfterSales.Web.Modules.Integration.Webhooks.Domain", AreaKind.Module, "Integration", "Webhooks.Domain", true)]
    [InlineData("AfterSales.Web.Modules.ServiceStandards.Sla.Features", AreaKind.Module, "ServiceStandards", "Sla.Features", false)]
    [InlineData("AfterSales.Web.Modules.Integration.Webhooks.Features.Domain", AreaKind.Module, "Integration", "Webhooks.Features.Domain", false)]
    [InlineData("AfterSales.Web.Data.Migrations.Sqlite", AreaKind.Platform, "Data", "Migrations.Sqlite", false)]
    [InlineData("AfterSales.Web.Web.Work", AreaKind.Ui, "Web", "Work", false)]
    [InlineData("AfterSales.Web", AreaKind.CompositionRoot, "", "", false)]
    [InlineData("AfterSales.WebHooks", AreaKind.Outside, "", "", false)]
    [InlineData("AspNetCoreGeneratedDocument", AreaKind.Outside, "", "", false)]
    [InlineData("", AreaKind.Outside, "", "", false)]
    public void Namespaces_fall_into_areas(string ns, AreaKind kind, string name, string inner, bool frontDoor)
    {
        var area = Areas.Of(ns, Architectures.WebRoot);
        Assert.Equal(new Area(kind, name, inner), area);
        Assert.Equal(frontDoor, area.IsFrontDoor);
    }

    private static List<string> Lines(IEnumerable<Violation> violations) => [.. violations.Select(v => v.Line)];

    private static List<string> Lines(IEnumerable<TypeDependency> dependencies) => [.. dependencies.Select(d => d.ToString())];
}
