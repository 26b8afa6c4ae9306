using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// What each side reads on the case page: the consumer and the merchant see the due-next line and the events of their
/// request; the platform's service clocks (badge, side panel) and its bookkeeping events (进入队列, SLA 预警) are for
/// staff. SLA targets are said as their clock counts them; a waybill must look like one, through the API and the page.
/// </summary>
public abstract partial class CasePagesTests
{
    [Fact]
    public async Task ConsumerAndMerchant_SeeNoServiceClocksOrInternalEvents_StaffSeeThemInWorkingHours()
    {
        // A queue for the shop's returns, so the case is routed ("系统 进入队列") as it opens.
        var w = await WorldAsync(async shop =>
        {
            var (skill, queue) = (Samples.NewId("sk").ToLowerInvariant(), Samples.NewId("q").ToLowerInvariant());
            Assert.True((await Api.PutAsync($"/api/v1/skills/{skill}", new JsonObject { ["name"] = "退货" })).StatusCode is 200 or 201);
            var put = await Api.PutAsync($"/api/v1/queues/{queue}", new JsonObject
            {
                ["name"] = "Queue " + queue, ["caseTypes"] = new JsonArray("return_refund"), ["shopIds"] = new JsonArray(shop),
                ["requiredSkill"] = skill, ["precedence"] = 10,
            });
            Assert.True(put.StatusCode is 200 or 201, put.ToString());
        });
        var events = (await Api.GetAsync($"/api/v1/cases/{w.CaseNo}/timeline")).Json.AsArray();
        Assert.Contains(events, e => e!["type"]!.GetValue<string>() == "queued"); // the API keeps it for everyone it shows the case to
        var consumer = (await (await WebSession.SignInAsync(App, w.Consumer)).GetAsync($"/portal/cases/{w.CaseNo}")).Html;
        var merchant = (await (await WebSession.SignInAsync(App, w.Merchant)).GetAsync($"/shop/cases/{w.CaseNo}")).Html;
        // A supervisor: the queue asks a skill the world's agent lacks, so that agent no longer sees the case.
        var supervisor = Name("supervisor");
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", User(supervisor, StrongPassword, "supervisor"))).StatusCode);
        var agentSession = await WebSession.SignInAsync(App, supervisor);
        var agent = (await agentSession.GetAsync($"/desk/cases/{w.CaseNo}")).Html;
        foreach (var page in new[] { consumer, merchant })
        {
            Assert.DoesNotContain("class=\"sla ", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"sla-title\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("进入队列", page, StringComparison.Ordinal);
            Assert.Contains("提交申请", page, StringComparison.Ordinal); // the request's own events stay
        }
        Assert.Contains("进入队列", agent, StringComparison.Ordinal);
        Assert.Contains("id=\"sla-title\"", agent, StringComparison.Ordinal);
        // Business-time targets in working hours (resolution 4800 min = 80 h, merchant response 960 min = 16 h), never days.
        Assert.Contains("目标 80 工作小时", agent, StringComparison.Ordinal);
        Assert.Contains("目标 16 工作小时", agent, StringComparison.Ordinal);
        Assert.DoesNotContain("（工作时间）", agent, StringComparison.Ordinal);

        // Refund after receipt runs on the 24x7 calendar: calendar days, said as such.
        await Api.DoAsync(w.CaseNo, "agree");
        await Api.DoAsync(w.CaseNo, "ship-return", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF2026000888" });
        await Api.DoAsync(w.CaseNo, "confirm-receipt");
        Assert.Contains("目标 7 天（全天计时）", (await agentSession.GetAsync($"/desk/cases/{w.CaseNo}")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SF12<>#@!中文")]
    [InlineData("SF12")]
    [InlineData("SF1234567890123456789012345678901")]
    public async Task AWaybillThatIsNotOne_IsRefused_ByTheApiAndThePage(string waybill)
    {
        var w = await WorldAsync();
        var agreed = await Api.DoAsync(w.CaseNo, "agree");
        var errors = Problems.AssertFields(await Api.ActAsync(w.CaseNo, "ship-return", new JsonObject { ["carrier"] = "SF", ["waybill"] = waybill }),
            "validation.failed", "waybill");
        Assert.Equal("6 to 32 characters: letters, digits or '-'", errors["waybill"]![0]!.GetValue<string>());

        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        var page = $"/portal/cases/{w.CaseNo}";
        var form = (await consumer.GetAsync(page)).Html;
        Assert.Contains("maxlength=\"32\"", form, StringComparison.Ordinal);
        Assert.Contains("pattern=\"", form, StringComparison.Ordinal);
        var refused = await consumer.PostFormAsync(page + "?handler=Act", new()
        {
            ["action"] = "ship-return", ["version"] = agreed["version"]!.ToString(), ["Form.Carrier"] = "SF", ["Form.Waybill"] = waybill,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("6 至 32 个字符：只能是字母、数字或“-”", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal("awaiting_return", (await Api.CaseAsync(w.CaseNo))["status"]!.GetValue<string>());

        // Trimmed, then accepted.
        var shipped = await consumer.PostFormAsync(page + "?handler=Act", new()
        {
            ["action"] = "ship-return", ["version"] = agreed["version"]!.ToString(), ["Form.Carrier"] = "SF", ["Form.Waybill"] = "  SF-2026000999 ",
        });
        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        Assert.Contains("已提交退货运单。", (await consumer.GetAsync(page)).Html, StringComparison.Ordinal);
    }
}
