using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Modules.Access.Contracts;

/// <summary>The roles every database holds, for the start, the CLI verbs and the demo data.</summary>
public static class AccessRoleSeed
{
    /// <summary>Creates the Identity roles of DOMAIN.md §1 that are missing (idempotent; runs on start and in the CLI).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AccessRoles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (await roles.RoleExistsAsync(role)) continue;
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (Hosting.UniqueViolation.Is(e))
            {
                // Another node starting at the same time created it.
            }
        }
    }
}
