namespace AfterSales.IntegrationTests;

/// <summary>
/// <c>POST /api/v1/eligibility</c> (API.md "Eligibility", DOMAIN.md §4) and the same decision at case creation:
/// which rule decided, the deadline at 24:00 (+08:00) of day 7 after signing, who pays shipping, the evidence, and
/// the reasons in both languages. Asking writes nothing; an ineligible case is refused and writes nothing either.
/// </summary>
public abstract class EligibilityTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Route = "/api/v1/eligibility";
    private static readonly TimeSpan PlatformOffset = TimeSpan.FromHours(8);

    private static JsonObject Question(string orderNo, string type = "return_refund", string reason = "no_reason_7day", int lineNo = 1,
        int quantity = 1, DateTimeOffset? at = null)
    {
        var body = new JsonObject
        {
            ["orderNo"] = orderNo, ["type"] = type, ["reason"] = reason,
            ["lines"] = new JsonArray(new JsonObject { ["lineNo"] = lineNo, ["quantity"] = quantity }),
        };
        if (at is { } t) body["at"] = t.ToOffset(PlatformOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        return body;
    }

    private async Task<JsonNode> AskAsync(JsonObject question)
    {
        var response = await Api.PostAsync(Route, question);
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    /// <summary>24:00 of the 7th day after signing (签收次日 is day 1), in the platform's zone (+08:00).</summary>
    private static DateTimeOffset EndOfDay7(DateTimeOffset signedAt)
    {
        var local = signedAt.ToOffset(PlatformOffset);
        return new DateTimeOffset(local.Date.AddDays(8), PlatformOffset);
    }

    private async Task<DateTimeOffset> SignedAtAsync(string orderNo) =>
        TestClockApi.Instant((await Api.GetOrderAsync(orderNo)).Json["shipments"]![0]!["signedAt"]);

    /// <summary>The order's goods were signed for <paramref name="days"/> days ago (placed and shipped before that).</summary>
    private static Action<JsonObject> SignedDaysAgo(int days) => order =>
    {
        order["placedAt"] = Samples.Ago(days + 2);
        order["paidAt"] = Samples.Ago(days + 2, minutes: 1);
        order["shipments"]![0]!["shippedAt"] = Samples.Ago(days + 1);
        order["shipments"]![0]!["signedAt"] = Samples.Ago(days);
    };

    private static Action<JsonObject> Flagged(string flag) => order => order["lines"]![0]!["flags"] = new JsonArray(flag);

    private static string DecidedBy(JsonNode decision) => decision["decidedBy"]!["rule"]!.GetValue<string>();

    private static string Outcome(JsonNode decision, string rule) =>
        decision["reasons"]!.AsArray().Single(r => r!["rule"]!.GetValue<string>() == rule)!["outcome"]!.GetValue<string>();

    [Fact]
    public async Task NoReasonReturn_InsideTheWindow_IsEligibleUntilMidnightOfDay7_ConsumerPaysShipping()
    {
        var orderNo = await Api.CreateOrderAsync();
        var decision = await AskAsync(Question(orderNo));

        Assert.True(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("no_reason_window", DecidedBy(decision));
        Assert.False(string.IsNullOrWhiteSpace(decision["decidedBy"]!["source"]!.GetValue<string>()));
        Assert.Equal(EndOfDay7(await SignedAtAsync(orderNo)), TestClockApi.Instant(decision["deadline"]));
        Assert.Equal("consumer", decision["returnShippingPaidBy"]!.GetValue<string>());
        Assert.Equal(Samples.PhonePaid, decision["maxRefund"]!.GetValue<decimal>());
        Assert.Empty(decision["requiredEvidence"]!.AsArray());
        Assert.Equal("pass", Outcome(decision, "no_reason_exclusion"));
        Assert.Equal("pass", Outcome(decision, "no_reason_declared"));
        Assert.False(string.IsNullOrWhiteSpace(decision["policyVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NoReasonReturn_AskedAtMidnightEndingDay7_IsNotEligible_DecidedByTheWindow()
    {
        var orderNo = await Api.CreateOrderAsync();
        var deadline = EndOfDay7(await SignedAtAsync(orderNo));

        var lastSecond = await AskAsync(Question(orderNo, at: deadline.AddSeconds(-1)));
        Assert.True(lastSecond["eligible"]!.GetValue<bool>(), lastSecond.ToJsonString());

        var atMidnight = await AskAsync(Question(orderNo, at: deadline));
        Assert.False(atMidnight["eligible"]!.GetValue<bool>(), atMidnight.ToJsonString());
        Assert.Equal("no_reason_window", DecidedBy(atMidnight));
        Assert.Equal("fail", Outcome(atMidnight, "no_reason_window"));
        Assert.Equal(deadline, TestClockApi.Instant(atMidnight["deadline"]));
        Assert.Equal(0m, atMidnight["maxRefund"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task NoReasonReturn_SignedNineDaysAgo_IsNotEligible()
    {
        var orderNo = await Api.CreateOrderAsync(change: SignedDaysAgo(9));
        var decision = await AskAsync(Question(orderNo));
        Assert.False(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("no_reason_window", DecidedBy(decision));
        Assert.True(TestClockApi.Instant(decision["deadline"]) < DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("customMade")]
    [InlineData("perishable")]
    [InlineData("digitalUnsealed")]
    [InlineData("periodical")]
    public async Task NoReasonReturn_OfGoodsExcludedByLaw_IsNotEligible(string flag)
    {
        var orderNo = await Api.CreateOrderAsync(change: Flagged(flag));
        var decision = await AskAsync(Question(orderNo));
        Assert.False(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("no_reason_exclusion", DecidedBy(decision));
        Assert.Equal(0m, decision["maxRefund"]!.GetValue<decimal>());
        var reason = decision["reasons"]!.AsArray().Single(r => r!["rule"]!.GetValue<string>() == "no_reason_exclusion")!;
        Assert.Contains(flag, reason["messages"]!["en-US"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReasonReturn_OfGoodsDeclaredNonReturnableAtPurchase_IsNotEligible()
    {
        var orderNo = await Api.CreateOrderAsync(change: Flagged("declaredNonReturnable"));
        var decision = await AskAsync(Question(orderNo));
        Assert.False(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("no_reason_declared", DecidedBy(decision));
        Assert.Equal("pass", Outcome(decision, "no_reason_exclusion"));
    }

    [Fact]
    public async Task QualityReturn_OfAnAccessory_IsEligible_MerchantPaysShipping_PhotosRequired()
    {
        var orderNo = await Api.CreateOrderAsync();
        var decision = await AskAsync(Question(orderNo, reason: "quality_issue", lineNo: 2, quantity: 2));
        Assert.True(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("quality_return_window", DecidedBy(decision));
        Assert.Equal("merchant", decision["returnShippingPaidBy"]!.GetValue<string>());
        Assert.Contains("photos", decision["requiredEvidence"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(Samples.CasesPaid, decision["maxRefund"]!.GetValue<decimal>());
        Assert.Equal(EndOfDay7(await SignedAtAsync(orderNo)), TestClockApi.Instant(decision["deadline"]));
    }

    [Fact]
    public async Task QualityReturn_OfAPhoneOnDay1_IsEligibleUnderSanbao()
    {
        var orderNo = await Api.CreateOrderAsync();
        var decision = await AskAsync(Question(orderNo, reason: "quality_issue"));
        Assert.True(decision["eligible"]!.GetValue<bool>(), decision.ToJsonString());
        Assert.Equal("sanbao_window", DecidedBy(decision));
        Assert.Equal("merchant", decision["returnShippingPaidBy"]!.GetValue<string>());
        Assert.Contains("photos", decision["requiredEvidence"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Theory]
    [InlineData("return_refund", "no_reason_7day")]
    [InlineData("return_refund", "quality_issue")]
    [InlineData("exchange", "no_reason_7day")]
    public async Task EveryReason_HasItsSource_AndDifferentChineseAndEnglishMessages(string type, string reason)
    {
        var orderNo = await Api.CreateOrderAsync(change: Flagged("perishable"));
        var decision = await AskAsync(Question(orderNo, type, reason));
        var reasons = decision["reasons"]!.AsArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r =>
        {
            Assert.Contains(r!["outcome"]!.GetValue<string>(), new[] { "pass", "fail", "info" });
            Assert.False(string.IsNullOrWhiteSpace(r["source"]!.GetValue<string>()));
            var zh = r["messages"]!["zh-CN"]!.GetValue<string>();
            var en = r["messages"]!["en-US"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(zh));
            Assert.False(string.IsNullOrWhiteSpace(en));
            Assert.NotEqual(zh, en);
            Assert.Contains(zh, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.Contains(en, char.IsAsciiLetter);
            // The platform's language is the default message; the other is one field away.
            Assert.Equal(zh, r["message"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Message_FollowsAcceptLanguage()
    {
        var orderNo = await Api.CreateOrderAsync();
        var request = Api.Json(HttpMethod.Post, Route, Question(orderNo), null, null);
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var response = await Api.SendAsync(request);
        Assert.Equal(200, response.StatusCode);
        Assert.All(response.Json["reasons"]!.AsArray(), r => Assert.Equal(r!["messages"]!["en-US"]!.GetValue<string>(), r["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Asking_WritesNothing()
    {
        var orderNo = await Api.CreateOrderAsync();
        var excluded = await Api.CreateOrderAsync(change: Flagged("customMade"));
        var orderBefore = (await Api.GetOrderAsync(orderNo)).Body;
        var before = await RowCounts.TakeAsync(App);

        await AskAsync(Question(orderNo));
        await AskAsync(Question(orderNo, reason: "quality_issue"));
        await AskAsync(Question(orderNo, at: DateTimeOffset.UtcNow.AddDays(30)));
        await AskAsync(Question(excluded));

        Assert.Equal(before, await RowCounts.TakeAsync(App));
        Assert.Equal(orderBefore, (await Api.GetOrderAsync(orderNo)).Body);
    }

    [Theory]
    [InlineData("{}", "orderNo,type,reason,lines")]
    [InlineData("""{"orderNo":"O1","type":"teleport","reason":"no_reason_7day","lines":[{"lineNo":1,"quantity":1}]}""", "type")]
    [InlineData("""{"orderNo":"O1","type":"return_refund","reason":"bored","lines":[{"lineNo":1,"quantity":1}]}""", "reason")]
    [InlineData("""{"orderNo":"O1","type":"return_refund","reason":"no_reason_7day","lines":[{"lineNo":0,"quantity":0}]}""", "lines[0].lineNo,lines[0].quantity")]
    [InlineData("""{"orderNo":"O1","type":"return_refund","reason":"no_reason_7day","lines":[{"lineNo":1,"quantity":1}],"at":"yesterday"}""", "at")]
    [InlineData("""{"orderNo":"O1","type":"return_refund","reason":"no_reason_7day","lines":[{"lineNo":1,"quantity":1}],"at":"2026-11-01T10:00:00"}""", "at")]
    [InlineData("""{"type":"teleport","lines":[{"lineNo":1,"quantity":1}],"at":"soon"}""", "orderNo,type,reason,at")]
    public async Task BadQuestion_Is400_WithEveryBadField(string body, string fields)
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, Route, body);
        Problems.AssertFields(response, "eligibility.invalid", fields.Split(','));
    }

    [Theory]
    [InlineData("{\"orderNo\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"orderNo\":\"O1\",\"lines\":\"all\"}")]
    public async Task MalformedQuestion_Is400Problem(string body)
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, Route, body);
        Problems.Assert(response, 400, "request.malformed");
    }

    [Fact]
    public async Task UnknownOrder_Is404()
    {
        var response = await Api.PostAsync(Route, Question("O-does-not-exist"));
        Problems.Assert(response, 404, "order.not_found");
    }

    [Fact]
    public async Task LineNotInTheOrder_Is422()
    {
        var orderNo = await Api.CreateOrderAsync();
        Problems.Assert(await Api.PostAsync(Route, Question(orderNo, lineNo: 9)), 422, "case.line_not_in_order");
    }

    [Fact]
    public async Task OpeningAnIneligibleCase_Is422WithTheReasons_AndWritesNothing()
    {
        var orderNo = await Api.CreateOrderAsync(change: Flagged("perishable"));
        var asked = await AskAsync(Question(orderNo));
        var before = await RowCounts.TakeAsync(App);

        var refused = await Api.TryOpenCaseAsync(Samples.CaseRequest(orderNo, "return_refund", "no_reason_7day"));

        var problem = Problems.Assert(refused, 422, "case.not_eligible");
        var eligibility = problem["eligibility"]!;
        Assert.False(eligibility["eligible"]!.GetValue<bool>());
        Assert.Equal("no_reason_exclusion", DecidedBy(eligibility));
        Assert.Equal(asked["reasons"]!.ToJsonString(), eligibility["reasons"]!.ToJsonString());
        Assert.Equal(before, await RowCounts.TakeAsync(App));
    }

    [Fact]
    public async Task OpeningAnEligibleCase_CreatesItUnderThePolicyVersionItWasJudgedBy()
    {
        var orderNo = await Api.CreateOrderAsync();
        var asked = await AskAsync(Question(orderNo));
        var opened = await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day");
        Assert.Equal("requested", opened["status"]!.GetValue<string>());
        Assert.Equal(asked["policyVersion"]!.GetValue<string>(), opened["policyVersion"]!.GetValue<string>());
        Assert.Equal(opened.ToJsonString(), (await Api.CaseAsync(opened["caseNo"]!.GetValue<string>())).ToJsonString());
    }
}

public sealed class EligibilityTests_Sqlite(SqliteApp app) : EligibilityTests(app), IClassFixture<SqliteApp>;

public sealed class EligibilityTests_Postgres(PostgresApp app) : EligibilityTests(app), IClassFixture<PostgresApp>;
