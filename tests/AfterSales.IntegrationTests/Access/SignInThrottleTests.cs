using System.Net.Http.Json;
using AfterSales.IntegrationTests.Admin;
using Microsoft.EntityFrameworkCore;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Access;

/// <summary>
/// Issue 13 (7): failed sign-ins are throttled per client address (AfterSales:Access FailuresPerAddress 3,
/// FailureWindowMinutes 5), so a stranger at one address cannot lock a known account — the admin's included — by
/// itself, while the account's own lockout (5 wrong passwords) still holds for failures from several addresses, and
/// an administrator can unlock. One rule for the token endpoint and the sign-in page. Each test has its own service
/// (the counts live in the node's memory) on the test clock, so the window passes only when a test says so.
/// </summary>
public abstract class SignInThrottleTests(AfterSalesApp app) : FreshAppTests(app)
{
    private const string Wrong = "Wrong!Passw0rd";
    private const string Stranger = "203.0.113.7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ApiResponse> TokenFromAsync(string address, string userName, string password) =>
        new Api(App.CreateAnonymousClient(address)).PostAsync("/api/v1/auth/token", new JsonObject { ["userName"] = userName, ["password"] = password });

    private async Task<string> AdminAsync()
    {
        var name = Name("admin");
        await CreateUserAsync(Api, name, "platform_admin");
        return name;
    }

    private Task<int> FailedCountAsync(string userName) =>
        App.QueryAsync(db => db.Users.Where(u => u.NormalizedUserName == userName.ToUpperInvariant()).Select(u => u.AccessFailedCount).SingleAsync(Ct));

    private static void AssertThrottled(ApiResponse response)
    {
        var problem = Problems.Assert(response, 429, "auth.throttled");
        var seconds = problem["retryAfterSeconds"]!.GetValue<int>();
        Assert.InRange(seconds, 1, 5 * 60);
        Assert.Equal(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Retry-After"));
    }

    [Fact]
    public async Task AStrangerAtOneAddress_IsThrottledAfterThreeFailures_AndCannotLockTheAdmin()
    {
        var admin = await AdminAsync();
        for (var i = 0; i < 3; i++) Problems.Assert(await TokenFromAsync(Stranger, admin, Wrong), 401, "auth.invalid_credentials");
        for (var i = 0; i < 4; i++) AssertThrottled(await TokenFromAsync(Stranger, admin, Wrong));
        // Refused before the password is read: the right one is refused too, and none of these counted.
        AssertThrottled(await TokenFromAsync(Stranger, admin, StrongPassword));
        Assert.Equal(3, await FailedCountAsync(admin));
        // Unknown names are failures of the address as well (nobody learns which names exist by being let through).
        AssertThrottled(await TokenFromAsync(Stranger, Name("nobody"), Wrong));

        // The admin, elsewhere, signs in.
        Assert.Equal(200, (await TokenFromAsync("198.51.100.20", admin, StrongPassword)).StatusCode);
        Assert.Equal(0, await FailedCountAsync(admin));
    }

    [Fact]
    public async Task ABurstOfGuessesFromOneAddress_ChecksAtMostThree_AndLocksNothing()
    {
        var admin = await AdminAsync();
        var responses = await Burst.RunAsync(12, _ => TokenFromAsync(Stranger, admin, Wrong));
        Assert.True(responses.Count(r => r.StatusCode == 401) <= 3, string.Join(", ", responses.Select(r => r.StatusCode)));
        Assert.All(responses.Where(r => r.StatusCode != 401), r => Problems.Assert(r, 429, "auth.throttled"));
        Assert.True(await FailedCountAsync(admin) <= 3);
        Assert.Equal(200, (await TokenFromAsync("198.51.100.21", admin, StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task AfterTheWindow_TheAddressMayTryAgain_ButItsFailuresNeverAddUpToALockout()
    {
        var admin = await AdminAsync();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++) Problems.Assert(await TokenFromAsync(Stranger, admin, Wrong), 401, "auth.invalid_credentials");
            AssertThrottled(await TokenFromAsync(Stranger, admin, Wrong));
            await Api.AdvanceAsync(TimeSpan.FromMinutes(4));
            AssertThrottled(await TokenFromAsync(Stranger, admin, Wrong)); // the window counts from the last failure
            await Api.AdvanceAsync(TimeSpan.FromMinutes(2));
        }
        Assert.Equal(200, (await TokenFromAsync("198.51.100.22", admin, StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task FailuresFromSeveralAddresses_StillLockAfterFive_AndTheAdminUnlocksOnTheUsersPage()
    {
        var name = Name("victim");
        await CreateUserAsync(Api, name, "merchant");
        for (var i = 0; i < 3; i++) Problems.Assert(await TokenFromAsync("192.0.2.1", name, Wrong), 401, "auth.invalid_credentials");
        Problems.Assert(await TokenFromAsync("192.0.2.2", name, Wrong), 401, "auth.invalid_credentials");
        Problems.Assert(await TokenFromAsync("192.0.2.2", name, Wrong), 423, "auth.locked_out");
        Problems.Assert(await TokenFromAsync("192.0.2.3", name, StrongPassword), 423, "auth.locked_out");

        var admin = await AdminBrowser.AdminAsync(App);
        var (_, list) = await admin.GetAsync("/admin/users");
        Assert.Contains($"aria-label=\"解锁 {name}\"", list, StringComparison.Ordinal); // the page offers the unlock
        var unlocked = await admin.FollowAsync(await admin.PostAsync("/admin/users", [new("Target", name)], "Unlock"));
        Assert.Contains($"已解锁 {name}", unlocked, StringComparison.Ordinal);
        Assert.Equal(200, (await TokenFromAsync("192.0.2.3", name, StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task TheSignInPage_SharesTheRule_AndSaysWhyInTheUsersLanguage()
    {
        var admin = await AdminAsync();
        var browser = new WebSession(App.CreateBrowserClient(Stranger));
        for (var i = 0; i < 3; i++)
        {
            var wrong = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = admin, ["Password"] = Wrong });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var refused = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = admin, ["Password"] = StrongPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("您所在网络地址的登录失败次数过多，请等待 5 分钟后再试。", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var english = await browser.PostFormAsync("/account/sign-in?culture=en-US&ui-culture=en-US", new() { ["UserName"] = admin, ["Password"] = Wrong },
            "/account/sign-in?culture=en-US&ui-culture=en-US");
        Assert.Contains("Too many failed sign-ins from your network address. Please wait 5 minutes and try again.",
            await english.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The same address's failures on the page count for the API too, and the admin was not locked by them.
        AssertThrottled(await TokenFromAsync(Stranger, admin, StrongPassword));
        Assert.Equal(3, await FailedCountAsync(admin));
        var englishApi = await new Api(App.CreateAnonymousClient(Stranger)).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { userName = admin, password = Wrong }),
            Headers = { { "Accept-Language", "en-US" } },
        });
        Assert.Contains("Too many failed sign-ins from this address", englishApi.Json["title"]!.GetValue<string>(), StringComparison.Ordinal);
        await WebSession.SignInAsync(App, admin); // from the admin's own address, the page signs in
    }
}

public sealed class SignInThrottleTests_Sqlite() : SignInThrottleTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class SignInThrottleTests_Postgres() : SignInThrottleTests(new PostgresApp { Settings = ClockSettings.Manual() });
