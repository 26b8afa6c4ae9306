using Clean.Modules.Access.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clean.Pages;

/// <summary>A page model that asks a module's contract, never the DbContext.</summary>
public sealed class IndexModel(IUserDirectory users) : PageModel
{
    public string? Name { get; private set; }

    public async Task OnGetAsync(string userId) => Name = await users.DisplayNameAsync(userId, HttpContext.RequestAborted);
}
