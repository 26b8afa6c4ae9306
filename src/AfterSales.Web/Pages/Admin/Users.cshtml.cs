using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Modules.Access.Features;
using AfterSales.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Pages.Admin;

public sealed record UserRow(string UserName, string? DisplayName, List<string> Roles, List<string> ShopIds, string? ConsumerId,
    bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>People who sign in: the list, and the create form that calls <c>POST /api/v1/users</c>' own use case.</summary>
public sealed class UsersModel(AfterSalesDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<AdminUi> a) : AdminPageModel
{
    /// <summary>Enough for a platform's staff on one page; the count says when there are more.</summary>
    public const int Shown = 500;

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? ShopIds { get; set; }
    [BindProperty] public string? ConsumerId { get; set; }

    public List<UserRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var body = new CreateUserRequest(UserName, Password, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName,
            [.. Roles], ListOf(ShopIds), string.IsNullOrWhiteSpace(ConsumerId) ? null : ConsumerId);
        var ok = await TryAsync(() => UserEndpoints.CreateAsync(body, users, db, clock, HttpContext.RequestServices, ct));
        Password = null; // never echoed back into the form
        if (ok) return Done(string.Format(a["Users.Created"], UserName?.Trim()));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Total = await db.Users.CountAsync(ct);
        var page = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Take(Shown).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Rows = [.. page.Select(u => new UserRow(u.UserName ?? "", u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal)],
            u.ShopIds, u.ConsumerId, u.LockoutEnd > now, u.CreatedAt))];
    }
}
