using Planted.Modules.Beta.Features;

namespace Planted.Modules.Alpha.Features;

/// <summary>
/// Rule 2, broken: Alpha uses Beta's Features namespace, not its Contracts or Domain. The use sits only inside a
/// lambda (a closure the compiler moves into a nested display class), so the edge Alpha -> Beta exists for the rules
/// only if a lambda's dependencies are counted for the type that declares it.
/// </summary>
internal static class AlphaWorkflow
{
    public static Func<Task<int>> Plan(int times) => () => BetaHandler.HandleAsync(null, times);
}
