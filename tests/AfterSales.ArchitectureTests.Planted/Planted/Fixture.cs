namespace Planted;

/// <summary>
/// Names this assembly for the loader. The root namespace is the fixture's composition root, so this type is
/// unconstrained by every rule.
/// </summary>
public static class Fixture
{
    /// <summary>The root prefix of the namespaces that break the rules.</summary>
    public const string BrokenRoot = "Planted";

    /// <summary>The root prefix of the namespaces that keep them.</summary>
    public const string CleanRoot = "Clean";
}
