using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Admin;

/// <summary>
/// The admin's actions on a person (lock, unlock, new password) from /admin/users and the API: the person's existing
/// cookie session and bearer token end on their next request, a lock refuses sign-in until unlocked, the old password
/// stops working, and each action is audited.
/// </summary>
public abstract partial class AdminPagesTests
{
    [GeneratedRegex("id=\"new-password\" class=\"secret\" readonly value=\"([^\"]+)\"")]
    private static partial Regex GeneratedPassword();

    [Fact]
    public async Task ALockedUser_CannotSignIn_AndTheirCookieAndTokenEnd_UntilUnlocked()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var name = Name("locked");
        var userId = await CreateUserAsync(Api, name, "platform_admin");
        var theirBrowser = await AdminBrowser.SignInAsync(App, name);
        var theirToken = await SignedInAsync(App, name);
        Assert.Equal(HttpStatusCode.OK, (await theirBrowser.GetAsync("/admin/users")).Status);
        Assert.Equal(200, (await theirToken.GetAsync("/api/v1/api-keys")).StatusCode);

        var locked = await admin.FollowAsync(await admin.PostAsync("/admin/users", [new("Target", name)], "Lock"));
        Assert.Contains($"已锁定 {name}", locked, StringComparison.Ordinal);

        // The session and the token made before the lock are refused on their next request.
        var next = await theirBrowser.Http.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/sign-in", next.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(401, (await theirToken.GetAsync("/api/v1/api-keys")).StatusCode);
        Problems.Assert(await TokenAsync(App, name, StrongPassword), 423, "auth.locked_out");
        var signIn = await new WebSession(App.CreateBrowserClient()).PostFormAsync("/account/sign-in",
            new() { ["UserName"] = name, ["Password"] = StrongPassword });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        // The page says an administrator locked it, not "too many wrong passwords" nor a date in year 9999.
        var said = await signIn.Content.ReadAsStringAsync(Ct);
        Assert.Contains("此账户已被管理员锁定", said, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", said, StringComparison.Ordinal);

        // Nobody locks themselves: the page offers no button, and the API refuses.
        var other = Name("admin2");
        await CreateUserAsync(Api, other, "platform_admin");
        var me = await SignedInAsync(App, other);
        Problems.Assert(await me.PostAsync($"/api/v1/users/{other}/lock", null), 422, "user.self_lock");
        Problems.Assert(await Api.PostAsync($"/api/v1/users/{Name("nobody")}/lock", null), 404, "user.not_found");

        var unlocked = await admin.FollowAsync(await admin.PostAsync("/admin/users", [new("Target", name)], "Unlock"));
        Assert.Contains($"已解锁 {name}", unlocked, StringComparison.Ordinal);
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);
        // The old session stays ended: unlocking does not bring it back.
        Assert.Equal(HttpStatusCode.Redirect, (await theirBrowser.Http.GetAsync("/admin/users", Ct)).StatusCode);

        var actions = (await AuditOfAsync(userId)).ToList();
        Assert.Equal(["user.locked", "user.unlocked"], actions);
    }

    [Fact]
    public async Task ANewPasswordSetOnThePage_Works_AndTheOldOneFails_AndAGeneratedOneIsShownOnce()
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var name = Name("reset");
        var userId = await CreateUserAsync(Api, name, "agent");
        var theirToken = await SignedInAsync(App, name);

        // Refused: Identity's rules, in the person's language, next to the row's form; nothing changes.
        var weak = await admin.PostAsync("/admin/users", [new("Target", name), new("NewPassword", "short")], "Password");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("至少 10 个字符", await weak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(200, (await TokenAsync(App, name, StrongPassword)).StatusCode);

        const string chosen = "N3w!Passw0rd-2026";
        var set = await admin.FollowAsync(await admin.PostAsync("/admin/users", [new("Target", name), new("NewPassword", chosen)], "Password"));
        Assert.Contains($"已重设 {name} 的密码", set, StringComparison.Ordinal);
        Assert.DoesNotContain(chosen, set, StringComparison.Ordinal);
        Problems.Assert(await TokenAsync(App, name, StrongPassword), 401, "auth.invalid_credentials");
        Assert.Equal(200, (await TokenAsync(App, name, chosen)).StatusCode);
        Assert.Equal(401, (await theirToken.GetAsync("/api/v1/cases?limit=1")).StatusCode);

        var generated = await admin.PostAsync("/admin/users", [new("Target", name), new("Generate", "true")], "Password");
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var shown = await admin.Http.GetAsync(generated.Headers.Location, Ct);
        Assert.True(shown.Headers.CacheControl?.NoStore, "the page with the password must not be stored");
        var html = await shown.Content.ReadAsStringAsync(Ct);
        var password = WebUtility.HtmlDecode(GeneratedPassword().Match(html).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(password), html);
        Assert.Equal(200, (await TokenAsync(App, name, password)).StatusCode);
        Problems.Assert(await TokenAsync(App, name, chosen), 401, "auth.invalid_credentials");
        Assert.DoesNotContain(password, (await admin.GetAsync("/admin/users")).Html, StringComparison.Ordinal);

        // The API: generate answers it once; no password and no generate is a field error.
        var viaApi = await Api.PostAsync($"/api/v1/users/{name}/password", new JsonObject { ["generate"] = true });
        Assert.True(viaApi.StatusCode == 200, viaApi.ToString());
        Assert.Equal(200, (await TokenAsync(App, name, viaApi.Json["password"]!.GetValue<string>())).StatusCode);
        Problems.AssertFields(await Api.PostAsync($"/api/v1/users/{name}/password", new JsonObject()), "user.invalid", "password");

        Assert.Equal(["user.password_set", "user.password_set", "user.password_set"], (await AuditOfAsync(userId)).ToList());
    }

    [Theory]
    [InlineData("", "<li>签名密钥: 16 至 256 个字符</li>", "<li>事件: 至少选择一种事件，或“*”（全部）</li>")]
    [InlineData("?ui-culture=en-US&culture=en-US", "<li>Secret: 16 to 256 characters</li>", "<li>Events: at least one event type, or &quot;*&quot;</li>")]
    public async Task ARefusedForm_ShowsTheFieldMessagesInThePersonsLanguage(string query, string secret, string events)
    {
        var admin = await AdminBrowser.AdminAsync(App);
        var bad = await admin.PostAsync("/admin/webhooks" + query, [new("TargetUrl", "https://example.com/hook"), new("Secret", "short")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains(secret, html, StringComparison.Ordinal);
        Assert.Contains(events, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "16 to 256 characters")]   // nobody asked: the API's documented English phrase
    [InlineData("en-US", "16 to 256 characters")]
    [InlineData("zh-CN", "16 至 256 个字符")]
    public async Task TheApisFieldMessages_AreChinese_OnlyWhenAskedFor(string? language, string expected)
    {
        var request = Api.Json(HttpMethod.Post, "/api/v1/webhooks",
            new JsonObject { ["url"] = "https://example.com/hook", ["events"] = new JsonArray("case.created"), ["secret"] = "short" }, null, null);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var errors = Problems.AssertFields(await Api.SendAsync(request), "webhook.invalid", "secret");
        Assert.Equal(expected, errors["secret"]![0]!.GetValue<string>());
    }

    /// <summary>The audit actions recorded on one user, oldest first.</summary>
    private async Task<IEnumerable<string>> AuditOfAsync(string userId)
    {
        var actions = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("/api/v1/audit?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(page.StatusCode == 200, page.ToString());
            actions.AddRange(page.Json["items"]!.AsArray().Where(i => i!["target"]?.GetValue<string>() == userId && i["action"]!.GetValue<string>().StartsWith("user.", StringComparison.Ordinal))
                .Select(i => i!["action"]!.GetValue<string>()));
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return actions;
    }
}
