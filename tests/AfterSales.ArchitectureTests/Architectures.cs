using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace AfterSales.ArchitectureTests;

/// <summary>
/// The assemblies under test, each read once per test run: reading AfterSales.Web costs about a second, and every
/// rule and every test class shares the result.
/// </summary>
internal static class Architectures
{
    /// <summary>The root namespace of the web project; its modules are AfterSales.Web.Modules.&lt;Module&gt;.</summary>
    public const string WebRoot = "AfterSales.Web";

    // Loaded by name, not through one of its types: the web project's types are being moved and made internal, and
    // the tests should not break on which of them happens to stay public.
    private static readonly Lazy<Architecture> s_web = new(() => Load(System.Reflection.Assembly.Load(new System.Reflection.AssemblyName("AfterSales.Web"))));

    private static readonly Lazy<Architecture> s_fixture = new(() => Load(typeof(Planted.Fixture).Assembly));

    /// <summary>AfterSales.Web.</summary>
    public static Architecture Web => s_web.Value;

    /// <summary>The fixture with a broken application (root Planted) and a clean one (root Clean).</summary>
    public static Architecture Fixture => s_fixture.Value;

    private static Architecture Load(System.Reflection.Assembly assembly) => new ArchLoader().LoadAssemblies(assembly).Build();
}
