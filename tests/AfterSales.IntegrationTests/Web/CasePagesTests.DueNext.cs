using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests.Web;

/// <summary>
/// The case page tells one story of what is due next: who must do what by when, from the reader's side, with the
/// time the case's pending automatic step names; the SLA badge says which clock it counts; the timeline says each
/// thing once; and a refunding case offers no "wait on the consumer".
/// </summary>
public abstract partial class CasePagesTests
{
    [GeneratedRegex("<section class=\"due-next\"[^>]*>\\s*<h2[^>]*>([^<]*)</h2>\\s*<p class=\"due-text\">([^<]*)")]
    private static partial Regex DueLine();

    [GeneratedRegex("<span class=\"sla sla-[a-z]+\"[^>]*>([^<]*)</span>")]
    private static partial Regex Badge();

    [GeneratedRegex("<span class=\"event\">([^<]*)</span>\\s*(?:<span> · [^<]*</span>\\s*)?(?:<span class=\"to-status\">\\s*→ ([^<]*)</span>)?")]
    private static partial Regex TimelineLine();

    private static readonly Dictionary<string, string> ClockNames = new()
    {
        ["first_response"] = "首次响应", ["merchant_response"] = "商家响应", ["next_response"] = "后续响应",
        ["resolution"] = "解决时限", ["refund_after_receipt"] = "收货后退款",
    };

    private static string Due(string html)
    {
        var m = DueLine().Match(html);
        Assert.True(m.Success, "the case page has a due-next line");
        Assert.Equal("下一步", m.Groups[1].Value);
        return System.Net.WebUtility.HtmlDecode(m.Groups[2].Value).Trim();
    }

    private async Task<string> StepDueAsync(string caseNo) =>
        PortalWorld.Shown(Assert.Single((await Api.CaseAsync(caseNo))["deadlines"]!.AsArray())!["dueAt"]!.GetValue<string>());

    [Fact]
    public async Task TheDueNextLine_SaysWhoMustActByWhen_FromTheReadersSide()
    {
        var w = await WorldAsync();
        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        var agent = await WebSession.SignInAsync(App, w.Agent);
        var by = await StepDueAsync(w.CaseNo);

        var consumerPage = (await consumer.GetAsync($"/portal/cases/{w.CaseNo}")).Html;
        Assert.Equal($"等待商家处理您的申请：商家须在 {by} 前处理，否则系统自动同意。", Due(consumerPage));
        var merchantPage = (await merchant.GetAsync($"/shop/cases/{w.CaseNo}")).Html;
        Assert.Equal($"请在 {by} 前同意或拒绝，否则系统自动同意。", Due(merchantPage));
        Assert.Equal($"商家须在 {by} 前处理，否则系统自动同意。", Due((await agent.GetAsync($"/desk/cases/{w.CaseNo}")).Html));
        // One line, not a second "next" under the facts or the portal's step bar.
        Assert.Single(Regex.Matches(consumerPage, "id=\"due-title\""));
        Assert.DoesNotContain("class=\"next\"", consumerPage, StringComparison.Ordinal);

        // The badge names the clock it counts to: the running one due soonest.
        var soonest = (await Api.CaseAsync(w.CaseNo))["sla"]!.AsArray()
            .Where(k => k!["state"]!.GetValue<string>() == "running" && k["dueAt"] is not null)
            .OrderBy(k => DateTimeOffset.Parse(k!["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).First()!;
        // Staff only: the merchant and the consumer read the due-next line, not the platform's service clocks.
        Assert.False(Badge().IsMatch(merchantPage), "no SLA badge for the merchant");
        Assert.False(Badge().IsMatch(consumerPage), "no SLA badge for the consumer");
        var agentPage = (await agent.GetAsync($"/desk/cases/{w.CaseNo}")).Html;
        var badge = Badge().Match(agentPage);
        Assert.True(badge.Success, agentPage);
        Assert.StartsWith(ClockNames[soonest["metric"]!.GetValue<string>()] + " 剩余 ", badge.Groups[1].Value.TrimStart('◔', ' '), StringComparison.Ordinal);

        // In English, the same story in the reader's words.
        await merchant.GetAsync($"/language?to=en-US&returnUrl=%2Fshop");
        var english = (await merchant.GetAsync($"/shop/cases/{w.CaseNo}")).Html;
        Assert.Contains($"Agree or refuse by {by}, otherwise the request is agreed automatically.", english, StringComparison.Ordinal);

        // Agreed: now it is the consumer who must send the goods back, by the new step's time.
        var agreed = await merchant.PostFormAsync($"/shop/cases/{w.CaseNo}?handler=Act", new() { ["action"] = "agree", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var waybillBy = await StepDueAsync(w.CaseNo);
        Assert.Equal($"请把商品寄回商家，并在 {waybillBy} 前填写退货运单，否则申请自动关闭。",
            Due((await consumer.GetAsync($"/portal/cases/{w.CaseNo}")).Html));
        Assert.Equal($"消费者须在 {waybillBy} 前寄回商品并填写退货运单，否则售后单自动关闭。",
            Due((await agent.GetAsync($"/desk/cases/{w.CaseNo}")).Html));

        // Staff's badge, in English too.
        await agent.GetAsync($"/language?to=en-US&returnUrl=%2Fdesk");
        Assert.Matches("class=\"sla sla-[a-z]+\"[^>]*>(◔ )?[A-Z][a-z ]+: [0-9]", (await agent.GetAsync($"/desk/cases/{w.CaseNo}")).Html);
    }

    [Fact]
    public async Task WithoutAnAutomaticStep_TheConsumerReadsWhoIsOnIt_NotThePlatformsInternalTarget()
    {
        var w = await WorldAsync();
        await Api.DoAsync(w.CaseNo, "refuse", new JsonObject { ["reason"] = "已洗涤" });
        var consumer = await WebSession.SignInAsync(App, w.Consumer);
        var version = (await Api.CaseAsync(w.CaseNo))["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var appealed = await consumer.PostFormAsync($"/portal/cases/{w.CaseNo}?handler=Act",
            new() { ["action"] = "appeal", ["version"] = version, ["Form.Reason"] = "未洗涤，请平台核实" });
        Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        Assert.Equal("platform_review", (await Api.CaseAsync(w.CaseNo))["status"]!.GetValue<string>());
        Assert.Empty((await Api.CaseAsync(w.CaseNo))["deadlines"]!.AsArray());

        var mine = Due((await consumer.GetAsync($"/portal/cases/{w.CaseNo}")).Html);
        Assert.DoesNotContain("目标", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(ClockNames.Values, name => mine.Contains(name, StringComparison.Ordinal));
        // Staff still read the target and which clock it is.
        var agent = await WebSession.SignInAsync(App, w.Agent);
        var theirs = Due((await agent.GetAsync($"/desk/cases/{w.CaseNo}")).Html);
        Assert.Contains("目标", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefundingCase_OffersNoWaitOnTheConsumer_AndItsTimelineSaysEachThingOnce()
    {
        var w = await WorldAsync();
        await Api.DoAsync(w.CaseNo, "agree");
        await Api.DoAsync(w.CaseNo, "ship-return", new JsonObject { ["carrier"] = "SF", ["waybill"] = "SF2026000777" });
        await Api.DoAsync(w.CaseNo, "confirm-receipt");
        var refunding = await Api.DoAsync(w.CaseNo, "inspect", new JsonObject { ["passed"] = true, ["notes"] = "完好" });
        Assert.Equal("refunding", refunding["status"]!.GetValue<string>());

        var merchant = await WebSession.SignInAsync(App, w.Merchant);
        var page = $"/shop/cases/{w.CaseNo}";
        var html = (await merchant.GetAsync(page)).Html;
        var api = (await new Api(merchant.Http).ActionsAsync(w.CaseNo)).Select(a => a["action"]!.GetValue<string>()).Order().ToList();
        Assert.DoesNotContain("wait-on-consumer", api);
        Assert.Equal(api, Offered(html));
        Assert.Equal("退款处理中：款项正由支付渠道原路退回。", Due(html));
        var refused = await merchant.PostFormAsync(page + "?handler=Act", new()
        {
            ["action"] = "wait-on-consumer", ["version"] = refunding["version"]!.ToString(), ["Form.Reason"] = "请补充照片",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False((await Api.CaseAsync(w.CaseNo))["waitingOnConsumer"]!.GetValue<bool>());

        // The timeline: no line that says the same status twice ("商家已收货 → 商家已收货"), no status repeated from the line before.
        var timeline = html[html.IndexOf("<ol class=\"timeline\">", StringComparison.Ordinal)..];
        var lines = TimelineLine().Matches(timeline).Select(m => (Event: m.Groups[1].Value, To: m.Groups[2].Success ? m.Groups[2].Value.Trim() : null)).ToList();
        Assert.Contains(lines, l => l.Event == "商家已收货");
        Assert.Contains(lines, l => l.To == "退款中");
        Assert.All(lines, l => Assert.NotEqual(l.Event, l.To));
        var statuses = lines.Where(l => l.To is not null).Select(l => l.To).ToList();
        Assert.All(statuses.Zip(statuses.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        // The API keeps every event as it was.
        var events = await Api.GetAsync($"/api/v1/cases/{w.CaseNo}/timeline");
        Assert.Contains(events.Json.AsArray(), e => e!["type"]!.GetValue<string>() == "return_received" && e["toStatus"]!.GetValue<string>() == "return_received");
    }

    [Fact]
    public async Task TheActionButtons_LookLikeWhatTheyDo()
    {
        var w = await WorldAsync();
        var html = (await (await WebSession.SignInAsync(App, w.Merchant)).GetAsync($"/shop/cases/{w.CaseNo}")).Html;
        Assert.Matches("id=\"act-agree\"(?:(?!</form>)[\\s\\S])*<button type=\"submit\" data-working", html);
        Assert.Matches("id=\"act-refuse\"(?:(?!</form>)[\\s\\S])*<button type=\"submit\" class=\"danger\"", html);
        Assert.Matches("id=\"act-wait-on-consumer\"(?:(?!</form>)[\\s\\S])*<button type=\"submit\" class=\"secondary\"", html);
        // The forward step first, the one that turns the request down last.
        Assert.True(html.IndexOf("id=\"act-agree\"", StringComparison.Ordinal) < html.IndexOf("id=\"act-refuse\"", StringComparison.Ordinal));
    }
}
