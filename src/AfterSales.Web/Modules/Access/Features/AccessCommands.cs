using AfterSales.Web.Data;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.AspNetCore.Identity;
using AfterSales.Web.Modules.Access.Contracts;

namespace AfterSales.Web.Modules.Access.Features;

/// <summary>
/// First setup without the bootstrap key: <c>create-admin --user NAME --password PW</c> makes a platform admin,
/// <c>create-key --name NAME --role ROLE [--role …] [--shop ID …]</c> makes an integration key and prints it once.
/// Both take <c>--provider</c> and <c>--connection</c> (else the configuration, as the service reads it), migrate
/// first, and exit 0 on success, 2 on bad arguments, 3 when refused (user exists, password rules).
/// </summary>
internal static class AccessCommands
{
    public const string CreateAdmin = "create-admin";
    public const string CreateKey = "create-key";

    private const string Usage = """
        usage: create-admin --user NAME --password PASSWORD [--display-name TEXT] [--provider Sqlite|Postgres] [--connection CS]
               create-key --name NAME --role ROLE [--role ROLE …] [--shop SHOP_ID …] [--provider Sqlite|Postgres] [--connection CS]
        """;

    public static async Task<int> RunAsync(string verb, string[] args, TextWriter output, TextWriter error)
    {
        Dictionary<string, List<string>> o;
        try
        {
            o = Parse(args, verb == CreateAdmin ? ["--user", "--password", "--display-name"] : ["--name", "--role", "--shop"]);
            Require(o, verb == CreateAdmin ? ["--user", "--password"] : ["--name", "--role"]);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"{verb}: {e.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var config = CliConfiguration.Build(One(o, "--provider"), One(o, "--connection"));
        var access = config.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddAfterSalesDatabase(config);
        services.AddAccessStores(access);
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        await AccessRoleSeed.EnsureRolesAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        return verb == CreateAdmin
            ? await CreateAdminAsync(scope.ServiceProvider, One(o, "--user")!, One(o, "--password")!, One(o, "--display-name"), output, error)
            : await CreateKeyAsync(scope.ServiceProvider, One(o, "--name")!, o["--role"], o.GetValueOrDefault("--shop") ?? [], output, error);
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, string userName, string password, string? displayName, TextWriter output, TextWriter error)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await error.WriteLineAsync($"create-admin: a user named '{userName}' exists already; nothing changed");
            return 3;
        }
        var user = new AppUser { UserName = userName, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, AccessRoles.PlatformAdmin);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) await error.WriteLineAsync($"create-admin: {e.Description}");
            return 3;
        }
        await output.WriteLineAsync($"create-admin: platform admin '{userName}' created (user id {user.Id})");
        return 0;
    }

    private static async Task<int> CreateKeyAsync(IServiceProvider sp, string name, List<string> roles, List<string> shops, TextWriter output, TextWriter error)
    {
        var unknown = roles.Where(r => !AccessRoles.IsKnown(r)).ToList();
        if (unknown.Count > 0 || name.Length > 200 || shops.Any(s => s.Length is 0 or > 64))
        {
            await error.WriteLineAsync($"create-key: roles must be among {string.Join(", ", AccessRoles.All)} (not {string.Join(", ", unknown)}); name ≤ 200, shop ids 1–64 characters");
            return 2;
        }
        var db = sp.GetRequiredService<AfterSalesDbContext>();
        var created = await ApiKeyEndpoints.IssueAsync(db, name, [.. roles.Distinct()], [.. shops.Distinct()], "cli", DateTimeOffset.UtcNow, CancellationToken.None);
        await output.WriteLineAsync($"create-key: key {created.KeyId} '{name}' ({string.Join(", ", roles)}) — store it now, it is not shown again:");
        await output.WriteLineAsync(created.Key);
        return 0;
    }

    private static Dictionary<string, List<string>> Parse(string[] args, string[] own)
    {
        var allowed = own.Concat(["--provider", "--connection"]).ToHashSet(StringComparer.Ordinal);
        var o = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!allowed.Contains(args[i])) throw new ArgumentException($"unknown option '{args[i]}'");
            if (i + 1 >= args.Length || string.IsNullOrWhiteSpace(args[i + 1])) throw new ArgumentException($"{args[i]} needs a value");
            if (!o.TryGetValue(args[i], out var list)) o[args[i]] = list = [];
            list.Add(args[i + 1]);
        }
        return o;
    }

    private static void Require(Dictionary<string, List<string>> o, string[] names)
    {
        foreach (var n in names)
            if (!o.ContainsKey(n)) throw new ArgumentException($"{n} is required");
    }

    private static string? One(Dictionary<string, List<string>> o, string name) => o.TryGetValue(name, out var v) ? v[^1] : null;

}
