using System.Security.Claims;
using AfterSales.Web.Modules.Access.Domain;

namespace AfterSales.Web.Web;

/// <summary>One area of the web UI: its path, the page policy that guards it, and its name in the rail.</summary>
public sealed record UiArea(string Path, string Folder, string Policy, string TextKey);

/// <summary>
/// The web UI's areas by role (UI.md): the consumer portal, the merchant workspace, the agent workspace, the
/// supervisor dashboard and the admin. Each folder of Pages is guarded by its policy (the same role names as the
/// API's gates), and a signed-in person's home is the first area they may enter.
/// </summary>
public static class UiRoles
{
    public const string Portal = "ui.portal";
    public const string Shop = "ui.shop";
    public const string Desk = "ui.desk";
    public const string Dashboard = "ui.dashboard";
    public const string Admin = "ui.admin";

    public static readonly UiArea[] Areas =
    [
        new("/portal", "/Portal", Portal, "Area.Portal"),
        new("/shop", "/Shop", Shop, "Area.Shop"),
        new("/desk", "/Desk", Desk, "Area.Desk"),
        new("/dashboard", "/Dashboard", Dashboard, "Area.Dashboard"),
        new("/admin", "/Admin", Admin, "Area.Admin"),
    ];

    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [Portal] = ["consumer"],
        [Shop] = ["merchant"],
        [Desk] = ["agent", "supervisor", "platform"],
        [Dashboard] = ["supervisor", "platform"],
        [Admin] = ["platform"],
    };

    public static IServiceCollection AddUiPolicies(this IServiceCollection services)
    {
        var b = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in RolesOf) b.AddPolicy(policy, p => p.RequireRole(roles));
        return services;
    }

    public static IEnumerable<UiArea> AreasOf(ClaimsPrincipal user) =>
        Areas.Where(a => RolesOf[a.Policy].Any(user.IsInRole));

    /// <summary>Where a person lands after sign-in: their first area, or the welcome page for roles whose areas are not built yet.</summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole("platform") ? "/admin" : user.IsInRole("supervisor") ? "/dashboard" : AreasOf(user).FirstOrDefault()?.Path ?? "/welcome";

    /// <summary>The person's access role for the top bar (platform_admin, qa_inspector, … as Identity knows them).</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.FindFirstValue(AccessRoles.AccessRoleClaim) ?? user.FindFirstValue(ClaimTypes.Role) ?? "";
}
