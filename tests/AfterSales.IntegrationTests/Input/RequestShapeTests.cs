namespace AfterSales.IntegrationTests.Input;

/// <summary>
/// Issue 13, point 4: a body of the wrong shape is a 400 <c>request.malformed</c> that names the field (its JSON path)
/// and says what was expected, in the caller's language — never a .NET type name or namespace, not even to anonymous
/// callers.
/// </summary>
public abstract class RequestShapeTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Code = "request.malformed";

    /// <summary>Each wrong shape by name: the method, the address (given a fresh case's number), the raw body, the field and what it expects in Chinese and in English.</summary>
    private static readonly Dictionary<string, (HttpMethod Method, Func<string, string> Url, string Body, string Field, string Zh, string En)> Shapes = new()
    {
        ["token: an array instead of an object"] = (HttpMethod.Post, _ => "/api/v1/auth/token", "[]", "$", "应为对象", "must be an object"),
        ["token: an object where text is expected"] = (HttpMethod.Post, _ => "/api/v1/auth/token",
            "{\"userName\":{\"a\":1},\"password\":\"x\"}", "userName", "应为文本", "must be text"),
        ["token: a number where text is expected"] = (HttpMethod.Post, _ => "/api/v1/auth/token",
            "{\"userName\":\"x\",\"password\":12}", "password", "应为文本", "must be text"),
        ["order: text instead of a quantity"] = (HttpMethod.Put, _ => "/api/v1/orders/" + Samples.NewId("O"),
            OrderWith(o => o["lines"]![0]!["quantity"] = "two"), "lines[0].quantity", "应为整数", "must be a whole number"),
        ["order: an object instead of the lines"] = (HttpMethod.Put, _ => "/api/v1/orders/" + Samples.NewId("O"),
            OrderWith(o => o["lines"] = new JsonObject()), "lines", "应为列表", "must be a list"),
        ["order: text instead of the recipient"] = (HttpMethod.Put, _ => "/api/v1/orders/" + Samples.NewId("O"),
            OrderWith(o => o["recipient"] = "张三"), "recipient", "应为对象", "must be an object"),
        ["case message: a number instead of the text"] = (HttpMethod.Post, c => $"{Api.Cases}/{c}/messages",
            "{\"body\":5}", "body", "应为文本", "must be text"),
        ["case message: text instead of true or false"] = (HttpMethod.Post, c => $"{Api.Cases}/{c}/messages",
            "{\"body\":\"hi\",\"internal\":\"yes\"}", "internal", "true 或 false", "must be true or false"),
        ["case message: an array instead of an object"] = (HttpMethod.Post, c => $"{Api.Cases}/{c}/messages",
            "[\"hi\"]", "$", "应为对象", "must be an object"),
    };

    public static TheoryData<string, string> ShapesInEachLanguage =>
        [.. Shapes.Keys.SelectMany(k => new[] { (k, "zh-CN"), (k, "en-US") }).Select(x => new TheoryDataRow<string, string>(x.k, x.Item2))];

    private static string OrderWith(Action<JsonObject> change)
    {
        var order = Samples.Order("shop-shape");
        change(order);
        return order.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(ShapesInEachLanguage))]
    public async Task AWrongShape_Is400NamingTheFieldAndWhatItExpects_WithoutDotNetTypes(string name, string language)
    {
        var (method, url, body, field, zh, en) = Shapes[name];
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund"))["caseNo"]!.GetValue<string>();
        var before = await RowCounts.TakeAsync(App);
        var request = new HttpRequestMessage(method, url(caseNo)) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await new Api(App.CreateAnonymousClient()).SendAsync(CopyWithKey(request, url(caseNo) == "/api/v1/auth/token"));
        var errors = Problems.AssertFields(response, Code, field);
        Assert.DoesNotContain("AfterSales.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", response.Body, StringComparison.Ordinal);
        Assert.Contains(language == "zh-CN" ? zh : en, errors[field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await RowCounts.TakeAsync(App));
    }

    // The token endpoint is anonymous; the others take the bootstrap key.
    private static HttpRequestMessage CopyWithKey(HttpRequestMessage request, bool anonymous)
    {
        if (!anonymous) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AfterSalesApp.ApiKey);
        return request;
    }

    [Fact]
    public async Task AnAnonymousWrongShape_NamesNoTypeInTheTitleOrDetail()
    {
        var response = await new Api(App.CreateAnonymousClient()).SendRawAsync(HttpMethod.Post, "/api/v1/auth/token", "{\"userName\":[1],\"password\":\"x\"}");
        var problem = Problems.Assert(response, 400, Code);
        Assert.DoesNotContain("TokenRequest", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("AfterSales", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class RequestShapeTests_Sqlite(SqliteApp app) : RequestShapeTests(app), IClassFixture<SqliteApp>;

public sealed class RequestShapeTests_Postgres(PostgresApp app) : RequestShapeTests(app), IClassFixture<PostgresApp>;
