using Planted.Modules.Alpha.Contracts;

namespace Planted.Modules.Beta.Features;

/// <summary>
/// Rule 6, broken: public although it lives in Features. Its use of Alpha sits only inside an async method (the body
/// the compiler moves into a nested state machine), so the edge Beta -> Alpha, and with it the cycle, exists for the
/// rules only if a state machine's dependencies are counted for the declaring type.
/// </summary>
public static class BetaHandler
{
    public static async Task<int> HandleAsync(object? alpha, int times)
    {
        await Task.Yield();
        return alpha is IAlphaApi api ? await api.CountAsync() * times : times;
    }
}
