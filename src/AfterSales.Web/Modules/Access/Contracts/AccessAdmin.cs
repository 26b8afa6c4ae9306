using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using AfterSales.Web.Modules.Access.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Access.Contracts;

public sealed record CreateApiKeyRequest(string? Name, List<string?>? Roles, List<string?>? ShopIds);

public sealed record CreatedApiKey(string KeyId, string Key);

public sealed record ApiKeyView(string KeyId, string Name, List<string> Roles, List<string> ShopIds, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyView From(ApiKey k) => new(k.KeyId, k.Name, k.Roles, k.ShopIds, k.CreatedBy, k.CreatedAt, k.RevokedAt, k.LastUsedAt);
}

/// <summary>A new password set by an admin, or <c>generate: true</c> for one made by the service (answered once).</summary>
public sealed record SetPasswordRequest(string? Password, bool? Generate);

public sealed record GeneratedPassword(string Password);

public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, List<string?>? Roles, List<string?>? ShopIds, string? ConsumerId);

public sealed record CreatedUser(string UserId);

/// <summary>A person who signs in, as the admin's list shows them.</summary>
public sealed record UserAdminRow(string Id, string UserName, string? DisplayName, List<string> Roles, List<string> ShopIds, string? ConsumerId,
    bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>The first people of the list by user name, and how many there are.</summary>
public sealed record UserAdminPage(int Total, List<UserAdminRow> Rows);

/// <summary>
/// The admin pages' front door to Access: the same use cases as <c>/api/v1/api-keys</c>, <c>/api/v1/users</c> and
/// <c>/api/v1/users/{userName}/lock|unlock|password</c> (their checks, audit and problems), and the list of people.
/// </summary>
public sealed class AccessAdmin(AfterSalesDbContext db, UserManager<AppUser> users, TimeProvider clock, AccessOptions options,
    IServiceProvider services)
{
    public async Task<List<ApiKeyView>> ApiKeysAsync(CancellationToken ct) => (await ApiKeyEndpoints.ListAsync(db, ct)).Value!;

    /// <summary>A new key, created by the signed-in person; the key itself is in this answer only.</summary>
    public async Task<CreatedApiKey> CreateApiKeyAsync(CreateApiKeyRequest body, HttpContext http, CancellationToken ct) =>
        (await ApiKeyEndpoints.CreateAsync(body, http, db, clock, ct)).Value!;

    public Task RevokeApiKeyAsync(string keyId, CancellationToken ct) => ApiKeyEndpoints.RevokeAsync(keyId, db, clock, ct);

    public Task CreateUserAsync(CreateUserRequest body, CancellationToken ct) => UserEndpoints.CreateAsync(body, users, db, clock, services, ct);

    public Task LockAsync(string userName, HttpContext http, CancellationToken ct) => UserAdminEndpoints.LockAsync(userName, http, users, db, clock, ct);

    public Task UnlockAsync(string userName, HttpContext http, CancellationToken ct) => UserAdminEndpoints.UnlockAsync(userName, http, users, db, clock, ct);

    /// <summary>Sets a person's password; the generated one when asked for (shown once), else null.</summary>
    public async Task<string?> SetPasswordAsync(string userName, SetPasswordRequest body, HttpContext http, CancellationToken ct) =>
        (await UserAdminEndpoints.SetPasswordAsync(userName, body, http, users, db, clock, options, ct)).Result
            is Microsoft.AspNetCore.Http.HttpResults.Ok<GeneratedPassword> { Value: { } g } ? g.Password : null;

    /// <summary>The first <paramref name="take"/> people by user name, with their roles, and the count of everyone.</summary>
    public async Task<UserAdminPage> UsersAsync(int take, CancellationToken ct)
    {
        var total = await db.Users.CountAsync(ct);
        var page = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Take(take).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new UserAdminPage(total, [.. page.Select(u => new UserAdminRow(u.Id, u.UserName ?? "", u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal)],
            u.ShopIds, u.ConsumerId, u.LockoutEnd > now, u.CreatedAt))]);
    }
}
