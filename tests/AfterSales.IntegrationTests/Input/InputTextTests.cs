using AfterSales.IntegrationTests.Access;

namespace AfterSales.IntegrationTests.Input;

/// <summary>
/// Issue 13, point 1: text no person can type (U+0000 above all, which PostgreSQL cannot store; other control
/// characters; half a surrogate pair) is refused in one place for every JSON body, query and route value: a 400
/// <c>request.invalid_text</c> naming the field, on both engines, and nothing written. Ordinary Unicode passes.
/// </summary>
public abstract class InputTextTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Code = "request.invalid_text";

    /// <summary>Each refused input by name: the request (given a fresh case's number) and the field it must name.</summary>
    private static readonly Dictionary<string, (Func<Api, AfterSalesApp, string, Task<ApiResponse>> Send, string Field)> Refused = new()
    {
        ["NUL in the anonymous token request's userName"] = ((_, app, _) => new Api(app.CreateAnonymousClient())
            .PostAsync("/api/v1/auth/token", new JsonObject { ["userName"] = "x\u0000y", ["password"] = AccessClient.StrongPassword }), "userName"),
        ["NUL in an order line's sku"] = ((api, _, _) => api.PutOrderAsync(Samples.NewId("O"), Order(o => o["lines"]![0]!["sku"] = "SKU\u00001")), "lines[0].sku"),
        ["NUL in an order's recipient name"] = ((api, _, _) => api.PutOrderAsync(Samples.NewId("O"), Order(o => o["recipient"]!["name"] = "张\u0000三")), "recipient.name"),
        ["NUL in a case message"] = ((api, _, caseNo) => api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "hello\u0000" }), "body"),
        ["NUL in a new case's description"] = (async (api, _, _) =>
        {
            var request = Samples.CaseRequest(await api.CreateOrderAsync(), "return_refund");
            request["description"] = "\u0000";
            return await api.TryOpenCaseAsync(request);
        }, "description"),
        ["U+0001 in a case message"] = ((api, _, caseNo) => api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "a\u0001b" }), "body"),
        ["an escaped lone surrogate in a case message"] = ((api, _, caseNo) =>
            api.SendRawAsync(HttpMethod.Post, $"{Api.Cases}/{caseNo}/messages", "{\"body\":\"a\\ud800b\",\"internal\":false}"), "body"),
        ["NUL in the case list's q"] = ((api, _, _) => api.ListCasesAsync("q=%00"), "q"),
        // %00 in a path is refused by the server's own URL decoder before the app (the test host throws on it), so the
        // route values are probed with another control character.
        ["U+0001 in a case number in the route"] = ((api, _, _) => api.GetCaseAsync("AS%01X"), "caseNo"),
        ["U+001F in an order number in the route of a PUT"] = ((api, _, _) => api.PutOrderAsync("O%1FX", Samples.Order("shop-nul")), "orderNo"),
        ["U+0001 in a case number in the route of a message"] = ((api, _, _) =>
            api.PostAsync($"{Api.Cases}/AS%01X/messages", new JsonObject { ["body"] = "hello" }), "caseNo"),
        ["NUL in a query value of a listing"] = ((api, _, _) => api.ListCasesAsync("status=requested&q=ab%00"), "q"),
    };

    public static TheoryData<string> RefusedNames => [.. Refused.Keys];

    private static JsonObject Order(Action<JsonObject> change)
    {
        var order = Samples.Order(Samples.NewId("shop"));
        change(order);
        return order;
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task TextNoPersonCanType_Is400InvalidTextNamingTheField_AndWritesNothing(string name)
    {
        var (send, field) = Refused[name];
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund"))["caseNo"]!.GetValue<string>();
        var before = await RowCounts.TakeAsync(App);
        var messagesBefore = (await Api.GetAsync($"{Api.Cases}/{caseNo}/messages")).Body;
        var response = await send(Api, App, caseNo);
        Problems.AssertFields(response, Code, field);
        Assert.Equal(before, await RowCounts.TakeAsync(App));
        Assert.Equal(messagesBefore, (await Api.GetAsync($"{Api.Cases}/{caseNo}/messages")).Body);
    }

    [Fact]
    public async Task NulInAnOrder_LeavesNoOrder()
    {
        var orderNo = Samples.NewId("O");
        Problems.AssertFields(await Api.PutOrderAsync(orderNo, Order(o => o["lines"]![1]!["title"] = "\u0000")), Code, "lines[1].title");
        Problems.Assert(await Api.GetOrderAsync(orderNo), 404, "order.not_found");
    }

    [Fact]
    public async Task TheFieldError_IsInTheCallersLanguage()
    {
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund"))["caseNo"]!.GetValue<string>();
        foreach (var (language, text) in new[] { ("zh-CN", "不得包含控制字符"), ("en-US", "must not contain control characters") })
        {
            var request = Api.Json(HttpMethod.Post, $"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "\u0000" }, null, null);
            request.Headers.AcceptLanguage.ParseAdd(language);
            var errors = Problems.AssertFields(await Api.SendAsync(request), Code, "body");
            Assert.Contains(text, errors["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OrdinaryUnicode_IsAccepted_AndReadBackAsSent()
    {
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund"))["caseNo"]!.GetValue<string>();
        const string text = "屏幕有坏点 😀👍🏽 \u200fשלום\u200e e\u0301\tTab\r\nnext line";
        var posted = await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = text, ["internal"] = false });
        Assert.True(posted.StatusCode == 201, posted.ToString());
        Assert.Equal(text, posted.Json["body"]!.GetValue<string>());
        Assert.Equal(200, (await Api.ListCasesAsync("q=" + Uri.EscapeDataString("屏幕 😀"))).StatusCode);
    }

    [Fact]
    public async Task NulInAPageForm_IsTheErrorPageSayingWhy_NotAServerError()
    {
        var session = new WebSession(App.CreateBrowserClient());
        using var response = await session.PostFormAsync("/account/sign-in", new() { ["UserName"] = "x\u0000y", ["Password"] = AccessClient.StrongPassword });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("\u0000", html, StringComparison.Ordinal);
        // The error page, in the request's language, not an empty answer.
        Assert.Contains("表单无法接受", html, StringComparison.Ordinal);
    }
}

public sealed class InputTextTests_Sqlite(SqliteApp app) : InputTextTests(app), IClassFixture<SqliteApp>;

public sealed class InputTextTests_Postgres(PostgresApp app) : InputTextTests(app), IClassFixture<PostgresApp>;
