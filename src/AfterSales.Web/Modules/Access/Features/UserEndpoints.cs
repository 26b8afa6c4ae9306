using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary><c>POST /api/v1/users</c>: the platform admin (or the bootstrap key) creates a person who signs in.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/users", CreateAsync).WithTags("Access").WithName("CreateUser")
            .WithSummary("Create a user with roles (consumer, merchant, agent, supervisor, qa_inspector, trainer, platform_admin, provider_manager), the shops a merchant's staff work for and a consumer's id. Platform admin only. Password rules and field errors as 400 user.invalid; a taken user name is 409 user.name_taken.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409)
            .RequireAuthorization(AccessSetup.AdminPolicy);
    }

    internal static async Task<Created<CreatedUser>> CreateAsync(CreateUserRequest? body, UserManager<AppUser> users,
        AfterSalesDbContext db, TimeProvider clock, IServiceProvider services, CancellationToken ct)
    {
        var user = await ValidateAsync(body, users, db, services, ct);
        await AccessRoleSeed.EnsureRolesAsync(services, ct);
        await using var tx = await db.Database.BeginWriteAsync(ct);
        user.CreatedAt = clock.GetUtcNow();
        Check(await users.CreateAsync(user, body!.Password!));
        Check(await users.AddToRolesAsync(user, body.Roles!.Select(r => r!).Distinct()));
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new CreatedUser(user.Id));
    }

    /// <summary>Every field error at once, Identity's password rules included (their own messages).</summary>
    internal static async Task<AppUser> ValidateAsync(CreateUserRequest? body, UserManager<AppUser> users, AfterSalesDbContext db,
        IServiceProvider services, CancellationToken ct)
    {
        var e = new FieldErrors();
        if (body is null) { e.Add("body", "required"); e.ThrowIfAny("user.invalid"); }
        var userName = body!.UserName?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > 100) e.Add("userName", "required, at most 100 characters");
        if (body.DisplayName is { Length: > 200 }) e.Add("displayName", "at most 200 characters");
        if (body.ConsumerId is { } c && (c.Trim().Length == 0 || c.Length > 64)) e.Add("consumerId", "1 to 64 characters");
        AccessValidation.Roles(e, body.Roles);
        var shops = AccessValidation.ShopIds(e, body.ShopIds);
        foreach (var unknown in await KnownShops.UnknownAsync(services, db, shops, ct)) e.Add("shopIds", KnownShops.Unknown(unknown));
        var user = new AppUser { UserName = userName, DisplayName = body.DisplayName?.Trim(), ShopIds = shops, ConsumerId = body.ConsumerId?.Trim() };
        if (string.IsNullOrEmpty(body.Password)) e.Add("password", "required");
        else
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, user, body.Password)).Errors)
                    e.Add("password", error.Description);
        e.ThrowIfAny("user.invalid");
        if (await users.FindByNameAsync(userName!) is not null)
            throw new DomainException("user.name_taken", null, new Dictionary<string, object?> { ["userName"] = userName });
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(x => x.Code == nameof(IdentityErrorDescriber.DuplicateUserName))) throw new DomainException("user.name_taken");
        var e = new FieldErrors();
        foreach (var error in result.Errors)
            e.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user", error.Description);
        e.ThrowIfAny("user.invalid");
    }
}

internal static class AccessValidation
{
    public static List<string> Roles(FieldErrors e, List<string?>? roles)
    {
        if (roles is null || roles.Count == 0) { e.Add("roles", "at least one role"); return []; }
        foreach (var r in roles.Where(r => r is null || !AccessRoles.IsKnown(r)))
            e.Add("roles", $"unknown role '{r}'; one of {string.Join(", ", AccessRoles.All)}");
        return [.. roles.OfType<string>().Where(AccessRoles.IsKnown).Distinct()];
    }

    public static List<string> ShopIds(FieldErrors e, List<string?>? shopIds)
    {
        if (shopIds is null) return [];
        if (shopIds.Count > 100) e.Add("shopIds", "at most 100 shops");
        if (shopIds.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 64)) e.Add("shopIds", "each 1 to 64 characters");
        return [.. shopIds.OfType<string>().Select(s => s.Trim()).Where(s => s.Length is > 0 and <= 64).Distinct()];
    }
}
