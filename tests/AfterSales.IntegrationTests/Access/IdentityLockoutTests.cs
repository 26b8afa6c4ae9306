using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Access;

/// <summary>
/// Lockout (Identity's): after 5 wrong passwords the account is locked, the right password included, until it ends.
/// Each <see cref="AccessClient.TokenAsync"/> comes from an address of its own: one address is throttled after 3
/// failures (<see cref="SignInThrottleTests"/>), so a lockout takes failures from several.
/// </summary>
public abstract class IdentityLockoutTests(AfterSalesApp app) : FreshAppTests(app)
{
    public static readonly Dictionary<string, string?> ShortLockout = new() { ["AfterSales:Access:LockoutMinutes"] = "0.05" }; // 3 s

    [Fact]
    public async Task FiveWrongPasswords_Are423UntilTheLockoutEnds_EvenForTheRightPassword()
    {
        var name = Name("locked");
        await CreateUserAsync(Api, name, "merchant");

        for (var i = 1; i <= 4; i++) Problems.Assert(await TokenAsync(App, name, "Wrong!Passw0rd"), 401, "auth.invalid_credentials");
        var locked = Problems.Assert(await TokenAsync(App, name, "Wrong!Passw0rd"), 423, "auth.locked_out");
        var until = DateTimeOffset.Parse(locked["lockedOutUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(until, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(10));
        Problems.Assert(await TokenAsync(App, name, StrongPassword), 423, "auth.locked_out");

        await Task.Delay(until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);
    }
}

public sealed class IdentityLockoutTests_Sqlite() : IdentityLockoutTests(new SqliteApp { Settings = ShortLockout });

public sealed class IdentityLockoutTests_Postgres() : IdentityLockoutTests(new PostgresApp { Settings = ShortLockout });
