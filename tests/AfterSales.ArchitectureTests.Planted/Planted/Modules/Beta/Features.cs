using Planted.Data;
using Planted.Modules.Alpha.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Planted.Modules.Beta.Features;

/// <summary>
/// Rule 6, broken: public although it lives in Features. Its use of Alpha sits only inside an async method (the body
/// the compiler moves into a nested state machine), so the edge Beta -> Alpha, and with it the cycle, exists for the
/// rules only if a state machine's dependencies are counted for the declaring type.
/// </summary>
public sealed class BetaHandler
{
    public async Task<int> HandleAsync(object? alpha, int times)
    {
        await Task.Yield();
        return alpha is IAlphaApi api ? await api.CountAsync() * times : times;
    }
}

/// <summary>
/// Rule 5, broken outside the UI namespaces: a page model anywhere may not reach the DbContext (here a subclass). It
/// touches no Alpha type, so that the async method above stays Beta's only way to Alpha.
/// </summary>
internal sealed class BetaPageModel(SqliteAfterSalesDbContext db) : PageModel
{
    public string? Provider => db.Database.ProviderName;
}
