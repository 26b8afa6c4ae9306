using System.Text;
using System.Text.RegularExpressions;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Dashboard;

/// <summary>
/// The supervisor dashboard (issue 6, scope 4) through real HTTP with a signed-in browser: the figures are the cases
/// the test made (one shop of its own, so that the class's other tests do not count), every bar lists exactly its
/// cases, the CSVs hold those rows, and the folder policy keeps everyone but supervisors and the platform out.
/// </summary>
public abstract partial class DashboardTests(AfterSalesApp app) : ApiTests(app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("id=\"card-([a-z-]+)\">([^<]*)<")]
    private static partial Regex Card();

    [GeneratedRegex("<a href=\"/desk/cases/([^\"]+)\">")]
    private static partial Regex CaseLink();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> BrowserAsAsync(string role, string? shop = null)
    {
        var name = Name(role);
        var body = User(name, StrongPassword, role);
        if (shop is not null) body["shopIds"] = new JsonArray(await Api.KnownShopAsync(shop));
        var created = await Api.PostAsync("/api/v1/users", body);
        Assert.True(created.StatusCode == 201, created.ToString());
        var browser = App.CreateBrowserClient();
        var form = await browser.GetStringAsync("/account/sign-in", Ct);
        var token = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value);
        var signIn = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name, ["Password"] = StrongPassword, ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    private static async Task<string> PageAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    /// <summary>The CSV's lines, after checking that it is UTF-8 with a byte-order mark (what Excel needs for Chinese).</summary>
    private static async Task<string[]> CsvAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static Dictionary<string, string> Cards(string html) =>
        Card().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim());

    private static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Three cases in a new shop: two return_refund for a quality issue, one refund_only not as described, agreed and refunded 90.00.</summary>
    private async Task<(string Shop, string[] Returns, string Refunded)> ThreeCasesAsync()
    {
        var shop = Samples.NewId("shop");
        var r1 = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var r2 = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var refund = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "refund_only", "not_as_described", lines: [(2, 2)]))["caseNo"]!.GetValue<string>();
        var agreed = await Api.DoAsync(refund, "agree");
        var paid = await Api.RefundResultAsync(agreed["refunds"]![0]!["refundId"]!.GetValue<string>(), "succeeded", "PAY-" + refund);
        Assert.True(paid.StatusCode == 200, paid.ToString());
        return (shop, [r1, r2], refund);
    }

    [Fact]
    public async Task TheFigures_AreTheCasesOfTheRange_AndEachBarListsAndExportsExactlyItsCases()
    {
        var (shop, returns, refunded) = await ThreeCasesAsync();
        var supervisor = await BrowserAsAsync("supervisor");
        var range = $"from={Today}&to={Today}&shop={shop}";

        var html = await PageAsync(supervisor, $"/dashboard?{range}");
        var cards = Cards(html);
        Assert.Equal("3", cards["opened"]);
        Assert.Equal("3", cards["open"]); // refunded is not closed: Case.IsOpen, as the queues count
        Assert.Equal("¥90.00", cards["refunded"]);
        Assert.Equal("0", cards["breached"]);
        Assert.Contains("<title>退货退款: 2</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>已退款: 1</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>仅退款: ¥90.00 · 1 件</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>质量问题: 2</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>首次响应 · 达标: 1（达标率 100.0%）</title>", html, StringComparison.Ordinal);

        // The return_refund bar's link: its list holds the two returns and nothing else, each linking to the desk.
        var byType = $"/dashboard/cases?from={Today}&amp;to={Today}&amp;shop={shop}&amp;type=return_refund";
        Assert.Contains($"href=\"{byType}\"", html, StringComparison.Ordinal);
        var list = await PageAsync(supervisor, WebUtility.HtmlDecode(byType));
        Assert.Contains("共 2 件", list, StringComparison.Ordinal);
        Assert.Equal(returns.Order(StringComparer.Ordinal), CaseLink().Matches(list).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));

        var rows = await CsvAsync(supervisor, $"/dashboard/cases?handler=csv&{range}&type=return_refund");
        Assert.Equal("case_no,created_at,type,type_label,reason,reason_label,status,status_label,shop_id,shop_name,queue,queue_name,assignee,assignee_name,priority,priority_label,sla_breached,requested_amount,refunded_amount", rows[0]);
        Assert.Equal(returns.Order(StringComparer.Ordinal), rows[1..].Select(r => r.Split(',')[0]).Order(StringComparer.Ordinal));
        // The label columns are the case page's words; until shops are named (IShopNames) the shop's name is its id.
        Assert.All(rows[1..], r => Assert.Contains($",return_refund,退货退款,quality_issue,质量问题,requested,待商家处理,{shop},{shop},", r, StringComparison.Ordinal));
        Assert.All(rows[1..], r => Assert.Contains(",normal,普通,", r, StringComparison.Ordinal));

        var refundedRows = await CsvAsync(supervisor, $"/dashboard/cases?handler=csv&{range}&refunded=true");
        Assert.Single(refundedRows[1..]);
        Assert.StartsWith(refunded + ",", refundedRows[1], StringComparison.Ordinal);
        Assert.EndsWith(",false,90.00,90.00", refundedRows[1], StringComparison.Ordinal);

        Assert.Equal(["reason,reason_label,cases", "quality_issue,质量问题,2", "not_as_described,与描述不符,1"],
            await CsvAsync(supervisor, $"/dashboard/export?chart=reasons&{range}"));
        Assert.Contains("refund_only,仅退款,1,90.00", await CsvAsync(supervisor, $"/dashboard/export?chart=refunds&{range}"));
        var volume = await CsvAsync(supervisor, $"/dashboard/export?chart=volume&{range}");
        Assert.Equal(["status,status_label,type,type_label,cases", "requested,待商家处理,return_refund,退货退款,2", "refunded,已退款,refund_only,仅退款,1"], volume);
        // The platform answered the refund case at once: its first response met; the returns' clocks still run.
        Assert.Contains("first_response,首次响应,1,0,2,1.0000", await CsvAsync(supervisor, $"/dashboard/export?chart=sla&{range}"));
        var times = await CsvAsync(supervisor, $"/dashboard/export?chart=times&{range}");
        Assert.Equal("metric,metric_label,type,type_label,clocks,median_minutes,p90_minutes", times[0]);
        Assert.Contains("first_response,首次响应,all,全部类型,1,0,0", times);
        Assert.Equal("queue,name,depth,unassigned,breached,oldest_open_at,oldest_age_minutes", (await CsvAsync(supervisor, "/dashboard/export?chart=queues"))[0]);
    }

    [Fact]
    public async Task AnotherRange_CountsNone_ReversedDatesAreCorrected_AndEnglishReadsTheSameFigures()
    {
        var (shop, _, _) = await ThreeCasesAsync();
        var supervisor = await BrowserAsAsync("platform_admin");

        var past = await PageAsync(supervisor, $"/dashboard?from=2026-01-31&to=2026-01-01&shop={shop}");
        Assert.Equal("0", Cards(past)["opened"]);
        Assert.Contains("id=\"no-cases\"", past, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-01-01\"", past, StringComparison.Ordinal); // swapped, and said so
        Assert.Contains("起止颠倒", past, StringComparison.Ordinal);
        Assert.Equal(["reason,reason_label,cases"], await CsvAsync(supervisor, $"/dashboard/export?chart=reasons&from=2026-01-01&to=2026-01-31&shop={shop}"));

        var english = await PageAsync(supervisor, $"/dashboard?from={Today}&to={Today}&shop={shop}&culture=en-US&ui-culture=en-US");
        Assert.Contains("<html lang=\"en-US\">", english, StringComparison.Ordinal);
        Assert.Contains("<title>Return and refund: 2</title>", english, StringComparison.Ordinal);
        Assert.Contains("<title>Refund only: ¥90.00 · 1 cases</title>", english, StringComparison.Ordinal);
        Assert.Equal("¥90.00", Cards(english)["refunded"]);

        var invalid = await supervisor.GetAsync("/dashboard/cases?status=lost", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("status", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/dashboard/export?chart=everything", Ct)).StatusCode);
    }

    [GeneratedRegex("<span class=\"status\">([^<]+)</span>")]
    private static partial Regex CaseStatus();

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task StatusTypeAndReasonWords_AreTheCasePagesWords(string culture)
    {
        var shop = Samples.NewId("shop");
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "return_refund"))["caseNo"]!.GetValue<string>();
        var supervisor = await BrowserAsAsync("supervisor");
        var lang = $"culture={culture}&ui-culture={culture}";

        // The words the case page prints for this requested return (status; type and reason in its facts).
        var casePage = await PageAsync(supervisor, $"/desk/cases/{caseNo}?{lang}");
        var status = WebUtility.HtmlDecode(CaseStatus().Match(casePage).Groups[1].Value);
        Assert.Equal(culture == "zh-CN" ? "待商家处理" : "Requested", status);
        var type = Fact(casePage, 0);
        var reason = Fact(casePage, 1);

        var home = WebUtility.HtmlDecode(await PageAsync(supervisor, $"/dashboard?from={Today}&to={Today}&shop={shop}&{lang}"));
        Assert.Contains($"<title>{status}: 1</title>", home, StringComparison.Ordinal);
        Assert.Contains($"<title>{type}: 1</title>", home, StringComparison.Ordinal);
        Assert.Contains($"<title>{reason}: 1</title>", home, StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await PageAsync(supervisor, $"/dashboard/cases?from={Today}&to={Today}&shop={shop}&{lang}"));
        Assert.Contains($"<td>{status}</td>", list, StringComparison.Ordinal);
        Assert.Contains($"<td>{type}</td>", list, StringComparison.Ordinal);
        Assert.Contains($"<td>{reason}</td>", list, StringComparison.Ordinal);
    }

    /// <summary>The n-th value of the case page's facts list (type, reason, order, …).</summary>
    private static string Fact(string casePage, int n) =>
        WebUtility.HtmlDecode(Regex.Matches(casePage, "<dd>([^<]*)</dd>")[n].Groups[1].Value);

    [Fact]
    public async Task TheCaseList_PagesByKeyset_WithoutLosingOrRepeatingACase()
    {
        var shop = Samples.NewId("shop");
        var made = new List<string>();
        for (var i = 0; i < 52; i++)
            made.Add((await Api.OpenCaseAsync(await Api.CreateOrderAsync(shop), "exchange"))["caseNo"]!.GetValue<string>());
        var supervisor = await BrowserAsAsync("supervisor");

        var first = await PageAsync(supervisor, $"/dashboard/cases?from={Today}&to={Today}&shop={shop}");
        Assert.Contains("共 52 件", first, StringComparison.Ordinal);
        var seen = CaseLink().Matches(first).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(50, seen.Count);
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value;
        var second = await PageAsync(supervisor, WebUtility.HtmlDecode(next));
        seen.AddRange(CaseLink().Matches(second).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        // Newest first, every case once.
        Assert.Equal(Enumerable.Reverse(made), seen);
        Assert.Equal(53, (await CsvAsync(supervisor, $"/dashboard/cases?handler=csv&from={Today}&to={Today}&shop={shop}")).Length);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/cases")]
    [InlineData("/dashboard/export?chart=volume")]
    public async Task OnlySupervisorsAndThePlatform_GetIn(string path)
    {
        var anonymous = await App.CreateBrowserClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        foreach (var role in new[] { "merchant", "consumer", "agent" })
        {
            var browser = await BrowserAsAsync(role, role == "merchant" ? Samples.NewId("shop") : null);
            var refused = await browser.GetAsync(path, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{role}: {(int)refused.StatusCode}");
            var denied = refused.Headers.Location!.OriginalString;
            Assert.Contains("/account/denied", denied, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(denied, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await (await BrowserAsAsync("supervisor")).GetAsync(path, Ct)).StatusCode);
    }
}

public sealed class DashboardTests_Sqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTests_Postgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
