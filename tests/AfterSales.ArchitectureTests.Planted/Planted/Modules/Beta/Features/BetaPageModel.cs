using Microsoft.AspNetCore.Mvc.RazorPages;
using Planted.Data;

namespace Planted.Modules.Beta.Features;

/// <summary>
/// Rule 5, broken outside the UI namespaces: a page model anywhere may not reach the DbContext (here a subclass). It
/// touches no Alpha type, so that BetaHandler's async method stays Beta's only way to Alpha.
/// </summary>
internal sealed class BetaPageModel(SqliteAfterSalesDbContext db) : PageModel
{
    public string? Provider => db.Database.ProviderName;
}
