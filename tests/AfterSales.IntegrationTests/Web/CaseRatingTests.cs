using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// Rating after close (issue 6): the owning consumer rates a finished case once, 1–5 stars and an optional comment;
/// not before it is finished; another consumer's case is not found; no other role may rate.
/// </summary>
public abstract class CaseRatingTests(AfterSalesApp app) : ApiTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Rating(int stars, string? comment = null) => new() { ["stars"] = stars, ["comment"] = comment };

    /// <summary>A case the merchant refused and the platform then closed.</summary>
    private async Task CloseAsync(string caseNo)
    {
        await Api.DoAsync(caseNo, "refuse", new JsonObject { ["reason"] = "已超过退货期" });
        Assert.Equal("closed", (await Api.DoAsync(caseNo, "close"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheOwner_RatesAClosedCaseOnce_NotBefore_AndNobodyElse()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var other = await PortalWorld.ConsumerWithOrderAsync(Api);
        var caseNo = (await Api.OpenCaseAsync(me.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var consumer = await SignedInAsync(App, me.User);
        var url = $"/api/v1/cases/{caseNo}/rating";

        Problems.Assert(await consumer.PostAsync(url, Rating(5)), 409, "case.not_rateable");
        Assert.Equal(204, (await consumer.GetAsync(url)).StatusCode);
        await CloseAsync(caseNo);

        Problems.AssertFields(await consumer.PostAsync(url, new JsonObject { ["stars"] = 6, ["comment"] = new string('好', 501) }),
            "rating.invalid", "stars", "comment");
        Problems.Assert(await (await SignedInAsync(App, other.User)).PostAsync(url, Rating(1)), 404, "case.not_found");
        Problems.Assert(await Api.PostAsync(url, Rating(1)), 403, "auth.forbidden"); // the platform does not rate for the consumer

        var rated = await consumer.PostAsync(url, Rating(4, "处理很快"));
        Assert.True(rated.StatusCode == 201, rated.ToString());
        Assert.Equal(4, rated.Json["stars"]!.GetValue<int>());
        Problems.Assert(await consumer.PostAsync(url, Rating(5)), 409, "case.already_rated");

        var read = await Api.GetAsync(url);
        Assert.Equal(200, read.StatusCode);
        Assert.Equal("处理很快", read.Json["comment"]!.GetValue<string>());
        Problems.Assert(await (await SignedInAsync(App, other.User)).GetAsync(url), 404, "case.not_found");
    }

    [Fact]
    public async Task ThePortalPage_OffersTheRatingAfterClose_AndShowsIt()
    {
        var me = await PortalWorld.ConsumerWithOrderAsync(Api);
        var caseNo = (await Api.OpenCaseAsync(me.OrderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var web = await WebSession.SignInAsync(App, me.User);
        var page = $"/portal/cases/{caseNo}";
        var before = (await web.GetAsync(page)).Html;
        Assert.Contains("售后结束后可以评价本次服务", before, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"stars\"", before, StringComparison.Ordinal);
        var early = await web.PostFormAsync(page + "?handler=Rate", new() { ["stars"] = "5" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("role=\"alert\"", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await CloseAsync(caseNo);
        var after = (await web.GetAsync(page)).Html;
        Assert.Contains("name=\"stars\"", after, StringComparison.Ordinal);
        // No star is chosen for the person (a preselected 5 was recorded when they never chose), and it says it is once.
        Assert.DoesNotMatch("<input type=\"radio\"[^>]*name=\"stars\"[^>]*checked", after);
        Assert.Contains("提交后不可修改", after, StringComparison.Ordinal);
        var unchosen = await web.PostFormAsync(page + "?handler=Rate", new() { ["comment"] = "忘了选星" });
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        var unchosenHtml = WebUtility.HtmlDecode(await unchosen.Content.ReadAsStringAsync(Ct));
        Assert.Contains("role=\"alert\"", unchosenHtml, StringComparison.Ordinal);
        Assert.Contains("请先选择星级", unchosenHtml, StringComparison.Ordinal);
        Assert.Equal(204, (await Api.GetAsync($"/api/v1/cases/{caseNo}/rating")).StatusCode);
        var rated = await web.PostFormAsync(page + "?handler=Rate", new() { ["stars"] = "4", ["comment"] = "客服耐心" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var shown = (await web.GetAsync(page)).Html;
        Assert.Contains("您的评价：4 星", shown, StringComparison.Ordinal);
        Assert.Contains("客服耐心", shown, StringComparison.Ordinal);
        Assert.Contains("感谢您的评价", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"stars\"", shown, StringComparison.Ordinal);

        // Once: a second try (a stale form) is refused in words.
        var again = await web.PostFormAsync(page + "?handler=Rate", new() { ["stars"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已评价", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }
}

public sealed class CaseRatingTests_Sqlite(SqliteApp app) : CaseRatingTests(app), IClassFixture<SqliteApp>;

public sealed class CaseRatingTests_Postgres(PostgresApp app) : CaseRatingTests(app), IClassFixture<PostgresApp>;
