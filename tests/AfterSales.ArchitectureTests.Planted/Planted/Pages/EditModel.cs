using Microsoft.AspNetCore.Mvc.RazorPages;
using Planted.Data;

namespace Planted.Pages;

/// <summary>Rule 5, broken: a page model that takes the DbContext in its constructor instead of a module's contract.</summary>
public sealed class EditModel(AfterSalesDbContext db) : PageModel
{
    public int Count { get; private set; }

    public void OnGet() => Count = db.Widgets.Count();
}
