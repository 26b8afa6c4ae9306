namespace AfterSales.IntegrationTests;

/// <summary>
/// Retention (issue 5, scope 7): a closed case is kept until closing + 3 years (the legal minimum, the default); an
/// open case has no end yet; <c>GET /retention/due</c> lists the cases past their date, and nothing is deleted.
/// </summary>
public abstract class RetentionTests(AfterSalesApp app) : FreshAppTests(app)
{
    private async Task<JsonNode> RetentionAsync(string caseNo)
    {
        var response = await Api.GetAsync($"{Api.Cases}/{caseNo}/retention");
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    private async Task<List<string>> DueAsync()
    {
        var items = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync("/api/v1/retention/due?limit=1" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(page.StatusCode == 200, page.ToString());
            items.AddRange(page.Json["items"]!.AsArray().Select(i => i!["caseNo"]!.GetValue<string>()));
            cursor = page.Json["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private async Task<string> ClosedCaseAsync()
    {
        var orderNo = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        var caseNo = (await Api.OpenCaseAsync(orderNo, "refund_only", lines: [(2, 1)]))["caseNo"]!.GetValue<string>();
        var refundId = (await Api.DoAsync(caseNo, "agree"))["refunds"]![0]!["refundId"]!.GetValue<string>();
        Assert.Equal(200, (await Api.RefundResultAsync(refundId, "succeeded", "PAY-RET-" + caseNo)).StatusCode);
        await Api.DoAsync(caseNo, "close");
        return caseNo;
    }

    [Fact]
    public async Task ClosedCase_IsKeptThreeYearsAfterClosing_ThenListedAsDue()
    {
        var openOrder = await Api.CreateOrderAsync(now: await Api.ClockNowAsync());
        var openCase = (await Api.OpenCaseAsync(openOrder, "return_refund", lines: [(2, 1)]))["caseNo"]!.GetValue<string>();
        var open = await RetentionAsync(openCase);
        Assert.Null(open["closedAt"]);
        Assert.Null(open["retainUntil"]);
        Assert.False(open["pastRetention"]!.GetValue<bool>());

        var caseNo = await ClosedCaseAsync();
        var r = await RetentionAsync(caseNo);
        Assert.Equal(3, r["years"]!.GetValue<int>());
        var closedAt = TestClockApi.Instant(r["closedAt"]);
        Assert.Equal(closedAt.AddYears(3), TestClockApi.Instant(r["retainUntil"]));
        Assert.False(r["pastRetention"]!.GetValue<bool>());
        Assert.Empty(await DueAsync());

        // Two years on: still kept.
        await Api.AdvanceAsync(TimeSpan.FromDays(366));
        await Api.AdvanceAsync(TimeSpan.FromDays(366));
        Assert.DoesNotContain(caseNo, await DueAsync());

        // Three years and more than a day after closing: past retention, listed, and still there (no deletion).
        await Api.AdvanceAsync(TimeSpan.FromDays(366));
        Assert.True(await Api.ClockNowAsync() >= closedAt.AddYears(3).AddDays(1));
        var second = await ClosedCaseAsync();
        Assert.True((await RetentionAsync(caseNo))["pastRetention"]!.GetValue<bool>());
        var due = await DueAsync();
        Assert.Contains(caseNo, due);
        Assert.DoesNotContain(second, due);
        Assert.DoesNotContain(openCase, due);
        Assert.Equal(200, (await Api.GetCaseAsync(caseNo)).StatusCode);
    }

    [Fact]
    public async Task Due_RejectsABadLimitOrCursor()
    {
        Problems.AssertFields(await Api.GetAsync("/api/v1/retention/due?limit=0"), "retention.invalid", "limit");
        Problems.AssertFields(await Api.GetAsync("/api/v1/retention/due?cursor=nope"), "retention.invalid", "cursor");
    }
}

public sealed class RetentionTests_Sqlite() : RetentionTests(new SqliteApp { Settings = ClockSettings.Manual() });

public sealed class RetentionTests_Postgres() : RetentionTests(new PostgresApp { Settings = ClockSettings.Manual() });
