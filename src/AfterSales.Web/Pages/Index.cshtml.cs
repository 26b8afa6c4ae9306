using AfterSales.Web.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Web.Pages;

/// <summary>The home page: a signed-in person goes to their area; others see how to sign in and, in Development, the demo sign-ins.</summary>
[AllowAnonymous]
public sealed class IndexModel(IWebHostEnvironment env) : PageModel
{
    public bool ShowDemo => env.IsDevelopment();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(UiRoles.HomeOf(User)) : Page();
}
