using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Policies as data (issue 3, scope 2): each PUT is a new version of its scope; the effective policy composes
/// platform, category and shop (the shop wins); nothing below the law is saved; a case keeps the version it was
/// opened under, so its deadlines follow the policy of its day.
/// </summary>
public abstract class PolicyTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Route = "/api/v1/policies";

    private async Task<JsonNode> PutAsync(string scope, JsonObject settings)
    {
        var response = await Api.PutAsync($"{Route}/{scope}", settings);
        Assert.True(response.StatusCode == 200, $"PUT {scope}: {response}");
        return response.Json;
    }

    private async Task<List<int>> VersionsAsync(string scope)
    {
        var response = await Api.GetAsync($"{Route}/{scope}/versions");
        Assert.True(response.StatusCode == 200, response.ToString());
        return [.. response.Json.AsArray().Select(v => v!["version"]!.GetValue<int>())];
    }

    private static DateTimeOffset DueOf(JsonNode c, string step)
    {
        var deadline = Assert.Single(c["deadlines"]!.AsArray())!;
        Assert.Equal(step, deadline["step"]!.GetValue<string>());
        return TestClockApi.Instant(deadline["dueAt"]);
    }

    private static DateTimeOffset CreatedAt(JsonNode c) => TestClockApi.Instant(c["createdAt"]);

    [Fact]
    public async Task Put_SavesANewVersionOfItsScopeEachTime()
    {
        var shop = "shop:" + await Api.KnownShopAsync(Samples.NewId("s"));
        var category = "category:" + Samples.NewId("c");
        var platformBefore = await VersionsAsync("platform");

        Assert.Equal(1, (await PutAsync(shop, new JsonObject { ["returnWaybillDays"] = 8 }))["version"]!.GetValue<int>());
        Assert.Equal(2, (await PutAsync(shop, new JsonObject { ["returnWaybillDays"] = 9 }))["version"]!.GetValue<int>());
        Assert.Equal(1, (await PutAsync(category, new JsonObject { ["appealDays"] = 10 }))["version"]!.GetValue<int>());
        var platform = await PutAsync("platform", new JsonObject { ["closeAfterDays"] = 7 });
        Assert.Equal(platformBefore.Count + 1, platform["version"]!.GetValue<int>());

        Assert.Equal([1, 2], await VersionsAsync(shop));
        Assert.Equal([1], await VersionsAsync(category));
        var latest = await Api.GetAsync($"{Route}/{shop}");
        Assert.Equal(200, latest.StatusCode);
        Assert.Equal(2, latest.Json["version"]!.GetValue<int>());
        Assert.Equal(9, latest.Json["settings"]!["returnWaybillDays"]!.GetValue<int>());
        Assert.Equal("integration:bootstrap", latest.Json["createdBy"]!.GetValue<string>());
        var list = await Api.GetAsync(Route);
        Assert.Equal(200, list.StatusCode);
        Assert.Contains(list.Json.AsArray(), v => v!["scope"]!.GetValue<string>() == shop && v["version"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task ConcurrentPuts_OnOneScope_EachSaveADistinctVersion()
    {
        const int count = 8;
        var scope = "shop:" + await Api.KnownShopAsync(Samples.NewId("s"));
        var answers = await Burst.RunAsync(count, i => Api.PutAsync($"{Route}/{scope}", new JsonObject { ["returnWaybillDays"] = 8 + i }));
        Assert.All(answers, a => Assert.True(a.StatusCode == 200, a.ToString()));
        Assert.Equal(Enumerable.Range(1, count), answers.Select(a => a.Json["version"]!.GetValue<int>()).Order());
        Assert.Equal(Enumerable.Range(1, count), await VersionsAsync(scope));
    }

    [Fact]
    public async Task Effective_ComposesPlatformCategoryAndShop_TheShopWins()
    {
        var shopId = await Api.KnownShopAsync(Samples.NewId("s"));
        var category = Samples.NewId("c");
        var platform = await PutAsync("platform", new JsonObject { ["receiptConfirmDays"] = 12, ["replacementConfirmDays"] = 11 });
        await PutAsync("category:" + category, new JsonObject { ["receiptConfirmDays"] = 13, ["appealDays"] = 10 });
        await PutAsync("shop:" + shopId, new JsonObject { ["receiptConfirmDays"] = 14, ["noReasonDays"] = 15 });

        var response = await Api.GetAsync($"{Route}/effective?shopId={shopId}&category={category}");
        Assert.Equal(200, response.StatusCode);
        var settings = response.Json["settings"]!;
        Assert.Equal(14, settings["receiptConfirmDays"]!.GetValue<int>());
        Assert.Equal(15, settings["noReasonDays"]!.GetValue<int>());
        Assert.Equal(10, settings["appealDays"]!.GetValue<int>());
        Assert.Equal(11, settings["replacementConfirmDays"]!.GetValue<int>());
        Assert.Equal(48, settings["merchantAnswerHours"]!.GetValue<int>());
        Assert.Equal(
            $"platform@v{platform["version"]};category:{category}@v1;shop:{shopId}@v1",
            response.Json["version"]!.GetValue<string>());

        var otherShop = await Api.GetAsync($"{Route}/effective?shopId={Samples.NewId("s")}&category={category}");
        Assert.Equal(13, otherShop.Json["settings"]!["receiptConfirmDays"]!.GetValue<int>());
        Assert.Equal(7, otherShop.Json["settings"]!["noReasonDays"]!.GetValue<int>());
    }

    /// <summary>A signed-in person of one role; <paramref name="fill"/> adds the scope facts (shops, consumer).</summary>
    private async Task<Api> PersonAsync(string role, Action<JsonObject> fill)
    {
        var name = Name(role);
        var body = User(name, StrongPassword, role);
        fill(body);
        var created = await Api.PostAsync("/api/v1/users", body);
        Assert.True(created.StatusCode == 201, created.ToString());
        return await SignedInAsync(App, name);
    }

    [Fact]
    public async Task Effective_ForAShopOutsideTheCallersScope_AnswersAsTheShopsPolicyDoes_WithoutItsOverride()
    {
        // Issue 13 point 5: the merchant of shop A got 404 for GET /policies/shop:B but B's override from
        // /policies/effective?shopId=B, and so did a consumer (who sees no shop-level data at all).
        var shopA = await Api.KnownShopAsync(Samples.NewId("s"));
        var shopB = await Api.KnownShopAsync(Samples.NewId("s"));
        await PutAsync("shop:" + shopA, new JsonObject { ["noReasonDays"] = 15 });
        await PutAsync("shop:" + shopB, new JsonObject { ["noReasonDays"] = 16 });
        var merchantA = await PersonAsync("merchant", b => b["shopIds"] = new JsonArray(shopA));
        var consumer = await PersonAsync("consumer", b => b["consumerId"] = Samples.NewId("c"));

        foreach (var (who, client) in new[] { ("merchant A", merchantA), ("consumer", consumer) })
        {
            var outside = await client.GetAsync($"{Route}/effective?shopId={shopB}");
            Assert.False(outside.StatusCode == 200, $"{who} read shop B's effective policy: {outside}");
            Assert.DoesNotContain("shop:" + shopB + "@", outside.Body, StringComparison.Ordinal);
            // Exactly what a shop that does not exist answers, and what the merchant gets for B's own scope.
            var missing = await client.GetAsync($"{Route}/effective?shopId={Samples.NewId("s")}");
            Problems.Assert(outside, 404, "policy.not_found");
            Problems.Assert(missing, 404, "policy.not_found");
            // Without a shop: the platform's and the category's offer, for every case role.
            var noShop = await client.GetAsync($"{Route}/effective");
            Assert.True(noShop.StatusCode == 200, $"{who}: {noShop}");
            Assert.DoesNotContain("shop:", noShop.Json["version"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Problems.Assert(await merchantA.GetAsync($"{Route}/shop:{shopB}"), 404, "policy.not_found");
        Problems.Assert(await consumer.GetAsync($"{Route}/effective?shopId={shopA}"), 404, "policy.not_found");

        var own = await merchantA.GetAsync($"{Route}/effective?shopId={shopA}");
        Assert.True(own.StatusCode == 200, own.ToString());
        Assert.Equal(15, own.Json["settings"]!["noReasonDays"]!.GetValue<int>());
        Assert.EndsWith($"shop:{shopA}@v1", own.Json["version"]!.GetValue<string>(), StringComparison.Ordinal);

        var platform = await Api.GetAsync($"{Route}/effective?shopId={shopB}");
        Assert.True(platform.StatusCode == 200, platform.ToString());
        Assert.Equal(16, platform.Json["settings"]!["noReasonDays"]!.GetValue<int>());
        Assert.EndsWith($"shop:{shopB}@v1", platform.Json["version"]!.GetValue<string>(), StringComparison.Ordinal);

        // The list and the versions of a scope were already scoped: B's scope is neither listed nor readable.
        var list = await merchantA.GetAsync(Route);
        Assert.True(list.StatusCode == 200, list.ToString());
        var scopes = list.Json.AsArray().Select(v => v!["scope"]!.GetValue<string>()).ToList();
        Assert.Contains("shop:" + shopA, scopes);
        Assert.DoesNotContain("shop:" + shopB, scopes);
        Problems.Assert(await merchantA.GetAsync($"{Route}/shop:{shopB}/versions"), 404, "policy.not_found");
    }

    [Theory]
    [InlineData("noReasonDays", 6)]
    [InlineData("qualityReturnDays", 6)]
    [InlineData("qualityExchangeDays", 14)]
    [InlineData("appealDays", 6)]
    public async Task BelowTheLaw_Is422_AndSavesNothing(string field, int value)
    {
        var scope = "shop:" + await Api.KnownShopAsync(Samples.NewId("s"));
        var before = await RowCounts.TakeAsync(App);

        var refused = await Api.PutAsync($"{Route}/{scope}", new JsonObject { [field] = value, ["returnWaybillDays"] = 8 });

        var problem = Problems.Assert(refused, 422, "policy.below_legal_floor");
        Assert.Contains(problem["errors"]!["settings"]!.AsArray(), m => m!.GetValue<string>().Contains(field, StringComparison.Ordinal));
        Assert.Equal(before, await RowCounts.TakeAsync(App));
        Problems.Assert(await Api.GetAsync($"{Route}/{scope}"), 404, "policy.not_found");
        Assert.Empty(await VersionsAsync(scope));
    }

    [Theory]
    [InlineData("shop:x", """{"merchantAnswerHours":0}""", "merchantAnswerHours")]
    [InlineData("shop:x", """{"returnWaybillDays":91}""", "returnWaybillDays")]
    [InlineData("shop:x", """{"noReasonReturnShippingPaidBy":"nobody"}""", "noReasonReturnShippingPaidBy")]
    [InlineData("galaxy:far", """{"appealDays":8}""", "scope")]
    public async Task OutOfRange_Is400_AndSavesNothing(string scope, string body, string field)
    {
        var before = await RowCounts.TakeAsync(App);
        Problems.AssertFields(await Api.SendRawAsync(HttpMethod.Put, $"{Route}/{scope}", body), "policy.invalid", field);
        Assert.Equal(before, await RowCounts.TakeAsync(App));
    }

    [Fact]
    public async Task ShopOverride_AppliesToCasesOpenedAfterIt_ACaseOpenedBeforeKeepsItsVersion()
    {
        var shopId = Samples.NewId("s");
        var before = await Api.OpenCaseAsync(await Api.CreateOrderAsync(shopId), "return_refund", "no_reason_7day");
        Assert.Equal(CreatedAt(before).AddHours(48), DueOf(before, "auto_agree"));

        await PutAsync("shop:" + shopId, new JsonObject { ["merchantAnswerHours"] = 24, ["returnWaybillDays"] = 10 });
        var after = await Api.OpenCaseAsync(await Api.CreateOrderAsync(shopId), "return_refund", "no_reason_7day");

        Assert.Equal(CreatedAt(after).AddHours(24), DueOf(after, "auto_agree"));
        Assert.EndsWith($"shop:{shopId}@v1", after["policyVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        var beforeNow = await Api.CaseAsync(before["caseNo"]!.GetValue<string>());
        Assert.Equal(CreatedAt(before).AddHours(48), DueOf(beforeNow, "auto_agree"));
        Assert.Equal(before["policyVersion"]!.GetValue<string>(), beforeNow["policyVersion"]!.GetValue<string>());
        Assert.DoesNotContain("shop:", beforeNow["policyVersion"]!.GetValue<string>(), StringComparison.Ordinal);

        // Every later step is planned from the case's own policy too: 7 days to ship the return, not the shop's new 10.
        var beforeAgreed = await Api.DoAsync(before["caseNo"]!.GetValue<string>(), "agree");
        Assert.Equal(TestClockApi.Instant(beforeAgreed["updatedAt"]).AddDays(7), DueOf(beforeAgreed, "auto_close_no_waybill"));
        var afterAgreed = await Api.DoAsync(after["caseNo"]!.GetValue<string>(), "agree");
        Assert.Equal(TestClockApi.Instant(afterAgreed["updatedAt"]).AddDays(10), DueOf(afterAgreed, "auto_close_no_waybill"));
    }

    [Fact]
    public async Task ShopWithALongerNoReasonWindow_MakesALateReturnEligible()
    {
        var shopId = Samples.NewId("s");
        var orderNo = await Api.CreateOrderAsync(shopId);
        var question = new JsonObject
        {
            ["orderNo"] = orderNo, ["type"] = "return_refund", ["reason"] = "no_reason_7day",
            ["lines"] = new JsonArray(new JsonObject { ["lineNo"] = 1, ["quantity"] = 1 }),
            ["at"] = DateTimeOffset.UtcNow.AddDays(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.False((await Api.PostAsync("/api/v1/eligibility", question)).Json["eligible"]!.GetValue<bool>());

        await PutAsync("shop:" + shopId, new JsonObject { ["noReasonDays"] = 15 });

        var decision = (await Api.PostAsync("/api/v1/eligibility", question)).Json;
        Assert.True(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.EndsWith($"shop:{shopId}@v1", decision["policyVersion"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongestShopAndCategoryNames_ACaseOpensUnderAllThreeScopes()
    {
        var shopId = Samples.NewId("s").PadRight(64, 's');
        var category = Samples.NewId("c").PadRight(64, 'c');
        await PutAsync("platform", new JsonObject { ["closeAfterDays"] = 7 });
        await PutAsync("category:" + category, new JsonObject { ["appealDays"] = 8 });
        var orderNo = await Api.CreateOrderAsync(shopId, o => o["lines"]![0]!["category"] = category);
        await PutAsync("shop:" + shopId, new JsonObject { ["merchantAnswerHours"] = 36 });

        var opened = await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");

        var version = opened["policyVersion"]!.GetValue<string>();
        Assert.StartsWith("platform@v", version, StringComparison.Ordinal);
        Assert.Contains($"category:{category}@v1", version, StringComparison.Ordinal);
        Assert.EndsWith($"shop:{shopId}@v1", version, StringComparison.Ordinal);
        Assert.Equal(version, (await Api.CaseAsync(opened["caseNo"]!.GetValue<string>()))["policyVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task MixedCategories_TheDecisionDoesNotDependOnTheOrderOfTheLines()
    {
        var shopId = Samples.NewId("s");
        var category = Samples.NewId("c");
        await PutAsync("category:" + category, new JsonObject { ["noReasonDays"] = 15 });
        var orderNo = await Api.CreateOrderAsync(shopId, o => o["lines"]![1]!["category"] = category);
        JsonObject Question(params int[] lineNos) => new()
        {
            ["orderNo"] = orderNo, ["type"] = "return_refund", ["reason"] = "no_reason_7day",
            ["lines"] = new JsonArray([.. lineNos.Select(n => (JsonNode)new JsonObject { ["lineNo"] = n, ["quantity"] = 1 })]),
            ["at"] = DateTimeOffset.UtcNow.AddDays(10).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };

        // Day 11: the phone's 7 days are over; the generous category's 15 days are not, for its own line only.
        var phoneFirst = (await Api.PostAsync("/api/v1/eligibility", Question(1, 2))).Json;
        var caseFirst = (await Api.PostAsync("/api/v1/eligibility", Question(2, 1))).Json;
        Assert.False(phoneFirst["eligible"]!.GetValue<bool>(), phoneFirst.ToJsonString());
        Assert.False(caseFirst["eligible"]!.GetValue<bool>(), caseFirst.ToJsonString());
        Assert.Equal("no_reason_window", phoneFirst["decidedBy"]!["rule"]!.GetValue<string>());
        Assert.Equal(phoneFirst["decidedBy"]!.ToJsonString(), caseFirst["decidedBy"]!.ToJsonString());
        Assert.Equal(phoneFirst["policyVersion"]!.GetValue<string>(), caseFirst["policyVersion"]!.GetValue<string>());
        Assert.Contains($"category:{category}@v1", caseFirst["policyVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await Api.PostAsync("/api/v1/eligibility", Question(2))).Json["eligible"]!.GetValue<bool>());
        Assert.False((await Api.PostAsync("/api/v1/eligibility", Question(1))).Json["eligible"]!.GetValue<bool>());

        // Inside both windows: one decision over both lines, the reasons of each line once, the whole paid amount.
        var today = (await Api.PostAsync("/api/v1/eligibility", new JsonObject
        {
            ["orderNo"] = orderNo, ["type"] = "return_refund", ["reason"] = "no_reason_7day",
            ["lines"] = new JsonArray(new JsonObject { ["lineNo"] = 2, ["quantity"] = 2 }, new JsonObject { ["lineNo"] = 1, ["quantity"] = 1 }),
        })).Json;
        Assert.True(today["eligible"]!.GetValue<bool>(), today.ToJsonString());
        Assert.Equal(Samples.PhonePaid + Samples.CasesPaid, today["maxRefund"]!.GetValue<decimal>());
        Assert.Single(today["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "return_shipping");
        Assert.Equal(2, today["reasons"]!.AsArray().Count(r => r!["rule"]!.GetValue<string>() == "no_reason_window"));
    }
}

public sealed class PolicyTests_Sqlite(SqliteApp app) : PolicyTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyTests_Postgres(PostgresApp app) : PolicyTests(app), IClassFixture<PostgresApp>;
