using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Note audiences per role: an internal note is read by its audience only — <c>platform</c> (platform staff: agents,
/// supervisors, the platform; an agent's default) or <c>shop</c> (the shop's merchants and the platform; every
/// merchant's note). Consumers read neither. Checked through every read a merchant or a consumer has: the messages
/// list, the timeline, the case, and the case page.
/// </summary>
public abstract class NoteAudienceTests(AfterSalesApp app) : ApiTests(app)
{
    private sealed record People(Api Agent, Api Supervisor, Api Merchant, Api OtherMerchant, Api Consumer,
        string AgentName, string SupervisorName, string MerchantName, string ConsumerName);

    private sealed record World(string CaseNo, People As);

    private async Task<World> WorldAsync()
    {
        var (shop, consumerId) = (Samples.NewId("shop"), Samples.NewId("c"));
        var orderNo = Samples.NewId("PD");
        Assert.Equal(201, (await Api.PutOrderAsync(orderNo, Samples.Order(shop, consumerId))).StatusCode);
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var otherShop = await Api.KnownShopAsync();
        async Task<string> UserAsync(string role, Action<JsonObject>? more = null)
        {
            var name = Name(role);
            var body = User(name, StrongPassword, role);
            more?.Invoke(body);
            var created = await Api.PostAsync("/api/v1/users", body);
            Assert.True(created.StatusCode == 201, created.ToString());
            return name;
        }
        var (agent, supervisor) = (await UserAsync("agent"), await UserAsync("supervisor"));
        var merchant = await UserAsync("merchant", b => b["shopIds"] = new JsonArray(shop));
        var other = await UserAsync("merchant", b => b["shopIds"] = new JsonArray(otherShop));
        var consumer = await UserAsync("consumer", b => b["consumerId"] = consumerId);
        return new World(caseNo, new People(await SignedInAsync(App, agent), await SignedInAsync(App, supervisor),
            await SignedInAsync(App, merchant), await SignedInAsync(App, other), await SignedInAsync(App, consumer),
            agent, supervisor, merchant, consumer));
    }

    private static async Task<JsonNode> NoteAsync(Api author, string caseNo, string body, string? audience = null)
    {
        var note = new JsonObject { ["body"] = body, ["internal"] = true };
        if (audience is not null) note["audience"] = audience;
        var posted = await author.PostAsync($"{Api.Cases}/{caseNo}/messages", note);
        Assert.True(posted.StatusCode == 201, posted.ToString());
        return posted.Json;
    }

    /// <summary>The notes <paramref name="reader"/> lists on the case, by body, with their audience.</summary>
    private static async Task<Dictionary<string, string?>> NotesOfAsync(Api reader, string caseNo)
    {
        var list = await reader.GetAsync($"{Api.Cases}/{caseNo}/messages");
        Assert.True(list.StatusCode == 200, list.ToString());
        return list.Json.AsArray().Where(m => m!["internal"]!.GetValue<bool>())
            .ToDictionary(m => m!["body"]!.GetValue<string>(), m => m!["audience"]?.GetValue<string>());
    }

    /// <summary>Nowhere <paramref name="reader"/> reads the case through the API does <paramref name="text"/> appear.</summary>
    private static async Task AssertNeverReadsAsync(Api reader, string caseNo, string text)
    {
        foreach (var path in new[] { "/messages", "/timeline", "" })
        {
            var read = await reader.GetAsync($"{Api.Cases}/{caseNo}{path}");
            Assert.True(read.StatusCode == 200, read.ToString());
            Assert.DoesNotContain(text, read.Body, StringComparison.Ordinal);
        }
    }

    private async Task<string> PageAsync(string userName, string area, string caseNo)
    {
        var (status, html) = await (await WebSession.SignInAsync(App, userName)).GetAsync($"/{area}/cases/{caseNo}");
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    [Fact]
    public async Task AnAgentsNote_IsThePlatformsByDefault_NoMerchantNorConsumerReadsIt_TheSupervisorDoes()
    {
        var w = await WorldAsync();
        const string text = "平台备注：疑似职业索赔 P-7731";
        var note = await NoteAsync(w.As.Agent, w.CaseNo, text);
        Assert.Equal("platform", note["audience"]!.GetValue<string>());

        await AssertNeverReadsAsync(w.As.Merchant, w.CaseNo, text);
        await AssertNeverReadsAsync(w.As.Consumer, w.CaseNo, text);
        Assert.Equal("platform", (await NotesOfAsync(w.As.Supervisor, w.CaseNo))[text]);
        Assert.Equal("platform", (await NotesOfAsync(w.As.Agent, w.CaseNo))[text]);

        Assert.DoesNotContain(text, await PageAsync(w.As.MerchantName, "shop", w.CaseNo), StringComparison.Ordinal);
        Assert.DoesNotContain(text, await PageAsync(w.As.ConsumerName, "portal", w.CaseNo), StringComparison.Ordinal);
        var desk = await PageAsync(w.As.SupervisorName, "desk", w.CaseNo);
        Assert.Contains(text, desk, StringComparison.Ordinal);
        Assert.Contains("内部备注 · 仅平台可见", desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentsShopNote_IsReadByTheShopsMerchant_NeverByTheConsumer()
    {
        var w = await WorldAsync();
        const string text = "请商家补充开箱视频 S-4410";
        Assert.Equal("shop", (await NoteAsync(w.As.Agent, w.CaseNo, text, "shop"))["audience"]!.GetValue<string>());

        Assert.Equal("shop", (await NotesOfAsync(w.As.Merchant, w.CaseNo))[text]);
        Assert.Equal("shop", (await NotesOfAsync(w.As.Supervisor, w.CaseNo))[text]);
        await AssertNeverReadsAsync(w.As.Consumer, w.CaseNo, text);

        var shop = await PageAsync(w.As.MerchantName, "shop", w.CaseNo);
        Assert.Contains(text, shop, StringComparison.Ordinal);
        Assert.Contains("内部备注 · 商家和平台可见", shop, StringComparison.Ordinal);
        Assert.DoesNotContain(text, await PageAsync(w.As.ConsumerName, "portal", w.CaseNo), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMerchantsNote_IsTheShopsAndThePlatforms_NeverTheConsumers_NorAnotherShops()
    {
        var w = await WorldAsync();
        const string text = "商家备注：已联系快递 M-2290";
        Assert.Equal("shop", (await NoteAsync(w.As.Merchant, w.CaseNo, text))["audience"]!.GetValue<string>());
        Assert.Equal("shop", (await NoteAsync(w.As.Merchant, w.CaseNo, text + " again", "shop"))["audience"]!.GetValue<string>());

        Assert.Equal("shop", (await NotesOfAsync(w.As.Agent, w.CaseNo))[text]);
        Assert.Equal("shop", (await NotesOfAsync(w.As.Merchant, w.CaseNo))[text]);
        await AssertNeverReadsAsync(w.As.Consumer, w.CaseNo, text);
        // Another shop's merchant does not learn the case exists, as before.
        Problems.Assert(await w.As.OtherMerchant.GetAsync($"{Api.Cases}/{w.CaseNo}/messages"), 404, "case.not_found");
        Assert.Contains(text, await PageAsync(w.As.AgentName, "desk", w.CaseNo), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMerchant_AskingForAPlatformOnlyNote_Is403_AndStoresNothing()
    {
        var w = await WorldAsync();
        var refused = await w.As.Merchant.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "只给平台看", ["internal"] = true, ["audience"] = "platform" });
        var problem = Problems.Assert(refused, 403, "case.note_audience_not_allowed");
        Assert.Equal("platform", problem["audience"]?.GetValue<string>());
        // A consumer writes no notes: asking for an audience is refused the same way.
        Problems.Assert(await w.As.Consumer.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "悄悄话", ["internal"] = true, ["audience"] = "shop" }), 403, "case.note_audience_not_allowed");
        // Nor is a note asked for without an audience sent on as a message the merchant would read.
        Problems.Assert(await w.As.Consumer.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "悄悄话二", ["internal"] = true }), 403, "case.note_audience_not_allowed");
        Assert.DoesNotContain("悄悄话二", System.Text.RegularExpressions.Regex.Unescape((await w.As.Merchant.GetAsync($"{Api.Cases}/{w.CaseNo}/messages")).Body), StringComparison.Ordinal);
        // Outside the scope the case is not found, whatever the audience asked for.
        Problems.Assert(await w.As.OtherMerchant.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "x", ["internal"] = true, ["audience"] = "platform" }), 404, "case.not_found");

        // The page says why, in the person's language, and keeps nothing either.
        var merchant = await WebSession.SignInAsync(App, w.As.MerchantName);
        var page = await merchant.PostFormAsync($"/shop/cases/{w.CaseNo}?handler=Message",
            new() { ["body"] = "只给平台看（页面）", ["isInternal"] = "true", ["audience"] = "platform" });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("商家的备注对商家和平台可见", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            StringComparison.Ordinal);

        var all = await w.As.Supervisor.GetAsync($"{Api.Cases}/{w.CaseNo}/messages");
        Assert.Empty(all.Json.AsArray());
    }

    [Fact]
    public async Task AnAudience_OnAMessageToTheParties_Is400()
    {
        var w = await WorldAsync();
        Problems.AssertFields(await w.As.Agent.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "您好", ["internal"] = false, ["audience"] = "shop" }), "validation.failed", "audience");
        Problems.AssertFields(await w.As.Agent.PostAsync($"{Api.Cases}/{w.CaseNo}/messages",
            new JsonObject { ["body"] = "您好", ["audience"] = "platform" }), "validation.failed", "audience");
        Assert.Empty((await w.As.Supervisor.GetAsync($"{Api.Cases}/{w.CaseNo}/messages")).Json.AsArray());

        // A message has no audience: everyone on the case reads it.
        var message = await w.As.Agent.PostAsync($"{Api.Cases}/{w.CaseNo}/messages", new JsonObject { ["body"] = "您好，已收到" });
        Assert.Equal(201, message.StatusCode);
        Assert.Null(message.Json["audience"]);
    }

    [Fact]
    public async Task OnTheDeskPage_StaffChooseTheAudience_PlatformOnlyByDefault_TheMerchantHasNoChoice()
    {
        var w = await WorldAsync();
        var agent = await WebSession.SignInAsync(App, w.As.AgentName);
        var desk = $"/desk/cases/{w.CaseNo}";
        var form = (await agent.GetAsync(desk)).Html;
        Assert.Contains("name=\"audience\" value=\"platform\" checked", form, StringComparison.Ordinal);
        Assert.Contains("仅平台可见", form, StringComparison.Ordinal);
        Assert.Contains("商家和平台可见", form, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(desk + "?handler=Message",
            new() { ["body"] = "页面备注：平台 D-1", ["isInternal"] = "true", ["audience"] = "platform" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(desk + "?handler=Message",
            new() { ["body"] = "页面备注：商家 D-2", ["isInternal"] = "true", ["audience"] = "shop" })).StatusCode);
        var notes = await NotesOfAsync(w.As.Supervisor, w.CaseNo);
        Assert.Equal("platform", notes["页面备注：平台 D-1"]);
        Assert.Equal("shop", notes["页面备注：商家 D-2"]);

        var merchant = await WebSession.SignInAsync(App, w.As.MerchantName);
        var shop = (await merchant.GetAsync($"/shop/cases/{w.CaseNo}")).Html;
        Assert.Contains("页面备注：商家 D-2", shop, StringComparison.Ordinal);
        Assert.DoesNotContain("页面备注：平台 D-1", shop, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"audience\"", shop, StringComparison.Ordinal);
        Assert.Contains("内部备注（商家和平台可见，不向消费者展示）", shop, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await merchant.PostFormAsync($"/shop/cases/{w.CaseNo}?handler=Message",
            new() { ["body"] = "页面备注：来自商家 D-3", ["isInternal"] = "true" })).StatusCode);
        Assert.Equal("shop", (await NotesOfAsync(w.As.Agent, w.CaseNo))["页面备注：来自商家 D-3"]);
    }
}

public sealed class NoteAudienceTests_Sqlite(SqliteApp app) : NoteAudienceTests(app), IClassFixture<SqliteApp>;

public sealed class NoteAudienceTests_Postgres(PostgresApp app) : NoteAudienceTests(app), IClassFixture<PostgresApp>;
