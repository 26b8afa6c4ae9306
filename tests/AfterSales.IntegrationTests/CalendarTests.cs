using Microsoft.EntityFrameworkCore;
using AfterSales.Web.Modules.ServiceStandards.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Business calendars (issue 4, scope 1; API.md "Service standards"): the shipped cn and 24x7, create or replace
/// with a version, every kind of bad calendar refused with its field and nothing saved, and business-time answers.
/// </summary>
public abstract class CalendarTests(AfterSalesApp app) : ApiTests(app)
{
    private const string Route = "/api/v1/calendars";

    private static JsonObject Office(string name = "Office") => new()
    {
        ["name"] = name,
        ["timeZone"] = "Asia/Shanghai",
        ["week"] = new JsonObject
        {
            ["mon"] = Hours(("09:00", "12:00"), ("13:00", "18:00")), ["tue"] = Hours(("09:00", "18:00")),
            ["wed"] = Hours(("09:00", "18:00")), ["thu"] = Hours(("09:00", "18:00")), ["fri"] = Hours(("09:00", "18:00")),
            ["sat"] = new JsonArray(), ["sun"] = new JsonArray(),
        },
        ["holidays"] = new JsonArray("2026-10-02", "2026-10-01"),
        ["workdays"] = new JsonArray("2026-10-10"),
    };

    private static JsonArray Hours(params (string Start, string End)[] intervals) =>
        new([.. intervals.Select(i => (JsonNode)new JsonArray(i.Start, i.End))]);

    private static string Q(string instant) => Uri.EscapeDataString(instant);

    private async Task<JsonNode> PutAsync(string id, JsonNode body)
    {
        var response = await Api.PutAsync($"{Route}/{id}", body);
        Assert.True(response.StatusCode == 200, response.ToString());
        return response.Json;
    }

    [Fact]
    public async Task List_HoldsTheShippedCalendars()
    {
        var response = await Api.GetAsync(Route);
        Assert.Equal(200, response.StatusCode);
        var items = response.Json["items"]!.AsArray();
        var cn = items.Single(c => c!["id"]!.GetValue<string>() == "cn")!;
        Assert.Equal("中国法定工作日 / CN statutory", cn["name"]!.GetValue<string>());
        Assert.Equal("Asia/Shanghai", cn["timeZone"]!.GetValue<string>());
        Assert.Equal("[[\"09:00\",\"12:00\"],[\"13:00\",\"18:00\"]]", cn["week"]!["mon"]!.ToJsonString());
        Assert.Equal("[]", cn["week"]!["sat"]!.ToJsonString());
        Assert.Contains(cn["holidays"]!.AsArray(), d => d!.GetValue<string>() == "2026-10-01");
        Assert.Contains(cn["holidays"]!.AsArray(), d => d!.GetValue<string>() == "2025-01-28");
        Assert.Contains(cn["workdays"]!.AsArray(), d => d!.GetValue<string>() == "2026-10-10");
        Assert.Equal("[2025,2026]", cn["shippedYears"]!.ToJsonString());
        var allDay = items.Single(c => c!["id"]!.GetValue<string>() == "24x7")!;
        Assert.Equal("[[\"00:00\",\"24:00\"]]", allDay["week"]!["sun"]!.ToJsonString());
        Assert.Empty(allDay["holidays"]!.AsArray());
    }

    [Fact]
    public async Task Put_CreatesThenReplaces_BumpingTheVersion_GetReturnsIt()
    {
        var id = Samples.NewId("cal");
        Problems.Assert(await Api.GetAsync($"{Route}/{id}"), 404, "calendar.not_found");

        var created = await Api.PutAsync($"{Route}/{id}", Office());
        Assert.Equal(200, created.StatusCode);
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal(1, created.Json["version"]!.GetValue<int>());
        Assert.Equal("[\"2026-10-01\",\"2026-10-02\"]", created.Json["holidays"]!.ToJsonString());

        var replaced = await PutAsync(id, Office("Office hours"));
        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        var got = await Api.GetAsync($"{Route}/{id}");
        Assert.Equal(200, got.StatusCode);
        Assert.Equal("\"2\"", got.ETag);
        Assert.Equal("Office hours", got.Json["name"]!.GetValue<string>());
        Assert.Equal("[[\"09:00\",\"18:00\"]]", got.Json["week"]!["tue"]!.ToJsonString());
        Assert.Equal("[\"2026-10-10\"]", got.Json["workdays"]!.ToJsonString());
    }

    public static TheoryData<string, string> BadCalendars => new()
    {
        { """{"week":{"mon":[["09:00","12:00"],["11:00","13:00"]]}}""", "week.mon[1]" },
        { """{"week":{"tue":[["12:00","09:00"]]}}""", "week.tue[0]" },
        { """{"week":{"wed":[["9:00","12:00"]]}}""", "week.wed[0]" },
        { """{"week":{"wed":[["24:00","24:00"]]}}""", "week.wed[0]" },
        { """{"week":{"wed":[["09:00","12:60"]]}}""", "week.wed[0]" },
        { """{"week":{"fri":[["09:00","12:00","13:00"]]}}""", "week.fri[0]" },
        { """{"week":{"monday":[["09:00","12:00"]]}}""", "week.monday" },
        { """{"timeZone":"Mars/Olympus_Mons"}""", "timeZone" },
        { """{"timeZone":null}""", "timeZone" },
        { """{"holidays":["2026-10-10"],"workdays":["2026-10-10"]}""", "workdays[0]" },
        { """{"holidays":["2026-13-01"]}""", "holidays[0]" },
        { """{"workdays":["2026-10-10","10/11/2026"]}""", "workdays[1]" },
        { """{"holidays":["1999-12-31"]}""", "holidays[0]" },
        { """{"name":"  "}""", "name" },
        { """{"name":null}""", "name" },
        { $$"""{"name":"{{new string('x', 101)}}"}""", "name" },
        { "{\"week\":{\"thu\":[" + string.Join(",", Enumerable.Range(0, 25).Select(i => $"[\"{i % 24:00}:00\",\"{i % 24:00}:30\"]")) + "]}}", "week.thu" },
        { "{\"holidays\":[" + string.Join(",", Enumerable.Range(0, 5001).Select(i => $"\"{new DateOnly(2001, 1, 1).AddDays(i):yyyy-MM-dd}\"")) + "]}", "holidays" },
        { """{"week":{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}}""", "week" },
    };

    [Theory]
    [MemberData(nameof(BadCalendars))]
    public async Task BadCalendar_Is400WithTheField_AndSavesNothing(string change, string field)
    {
        var id = Samples.NewId("cal");
        await PutAsync(id, Office());
        var before = (await Api.GetAsync($"{Route}/{id}")).Body;
        var body = Office();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            body[key] = key == "week" ? Merge(body["week"]!.AsObject(), value!.AsObject()) : value?.DeepClone();

        Problems.AssertFields(await Api.PutAsync($"{Route}/{id}", body), "calendar.invalid", field);
        Assert.Equal(before, (await Api.GetAsync($"{Route}/{id}")).Body);
        var fresh = Samples.NewId("cal");
        Problems.AssertFields(await Api.PutAsync($"{Route}/{fresh}", body), "calendar.invalid", field);
        Problems.Assert(await Api.GetAsync($"{Route}/{fresh}"), 404, "calendar.not_found");
    }

    private static JsonObject Merge(JsonObject week, JsonObject change)
    {
        var merged = week.DeepClone().AsObject();
        foreach (var (k, v) in change) merged[k] = v?.DeepClone();
        return merged;
    }

    [Fact]
    public async Task BadId_AndMissingBody_Are400()
    {
        Problems.AssertFields(await Api.PutAsync($"{Route}/bad.id", Office()), "calendar.invalid", "calendarId");
        Problems.AssertFields(await Api.SendRawAsync(HttpMethod.Put, $"{Route}/{Samples.NewId("cal")}", "null"), "calendar.invalid", "body");
    }

    [Theory]
    [InlineData("cn", "2026-09-30T15:00:00+08:00", 480, "2026-10-08T15:00:00+08:00")]
    [InlineData("cn", "2026-10-09T17:00:00+08:00", 120, "2026-10-10T10:00:00+08:00")]
    [InlineData("cn", "2026-03-10T04:30:00Z", 0, "2026-03-10T12:30:00+08:00")]
    [InlineData("cn", "2026-03-10T04:30:00Z", 60, "2026-03-10T14:00:00+08:00")]
    [InlineData("24x7", "2026-02-14T17:23:00+08:00", 43200, "2026-03-16T17:23:00+08:00")]
    public async Task Due_AnswersTheInstantInTheCalendarsZone(string id, string from, int minutes, string due)
    {
        var response = await Api.GetAsync($"{Route}/{id}/due?from={Q(from)}&minutes={minutes}");
        Assert.True(response.StatusCode == 200, response.ToString());
        Assert.Equal(due, response.Json["due"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("cn", "2026-09-30T09:00:00+08:00", "2026-10-08T18:00:00+08:00", 960)]
    [InlineData("cn", "2026-03-10T09:00:00+08:00", "2026-03-10T09:00:30+08:00", 0.5)]
    [InlineData("cn", "2026-03-10T14:00:00+08:00", "2026-03-10T11:00:00+08:00", 0)]
    [InlineData("24x7", "2026-10-01T00:00:00+08:00", "2026-10-08T00:00:00+08:00", 10080)]
    public async Task Elapsed_AnswersBusinessMinutes(string id, string from, string to, double minutes)
    {
        var response = await Api.GetAsync($"{Route}/{id}/elapsed?from={Q(from)}&to={Q(to)}");
        Assert.True(response.StatusCode == 200, response.ToString());
        Assert.Equal(minutes, response.Json["minutes"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("due?minutes=60", "from")]
    [InlineData("due?from=2026-09-30T15:00:00%2B08:00", "minutes")]
    [InlineData("due?from=2026-09-30T15:00:00&minutes=60", "from")]
    [InlineData("due?from=yesterday&minutes=60", "from")]
    [InlineData("due?from=2026-09-30T15:00:00%2B08:00&minutes=-1", "minutes")]
    [InlineData("due?from=2026-09-30T15:00:00%2B08:00&minutes=525601", "minutes")]
    [InlineData("due?from=2026-09-30T15:00:00%2B08:00&minutes=1.5", "minutes")]
    [InlineData("due?from=2026-09-30T15:00:00%2B08:00&minutes=abc", "minutes")]
    [InlineData("elapsed?from=2026-09-30T15:00:00%2B08:00", "to")]
    [InlineData("elapsed?to=2026-09-30T15:00:00%2B08:00&from=2026-13-30T15:00:00%2B08:00", "from")]
    public async Task BadParameters_Are400WithTheField(string query, string field) =>
        Problems.AssertFields(await Api.GetAsync($"{Route}/cn/{query}"), "validation.failed", field);

    [Fact]
    public async Task BeyondTheCompiledCentury_Is422()
    {
        Problems.Assert(await Api.GetAsync($"{Route}/cn/due?from={Q("2100-12-31T17:00:00+08:00")}&minutes=600"), 422, "calendar.out_of_range");
        Problems.Assert(await Api.GetAsync($"{Route}/cn/elapsed?from={Q("1999-01-01T00:00:00Z")}&to={Q("2026-01-01T00:00:00Z")}"), 422, "calendar.out_of_range");
    }

    [Fact]
    public async Task UnknownCalendar_Is404()
    {
        var id = Samples.NewId("nope");
        Problems.Assert(await Api.GetAsync($"{Route}/{id}"), 404, "calendar.not_found");
        Problems.Assert(await Api.GetAsync($"{Route}/{id}/due?from={Q("2026-09-30T15:00:00+08:00")}&minutes=60"), 404, "calendar.not_found");
        Problems.Assert(await Api.GetAsync($"{Route}/{id}/elapsed?from={Q("2026-09-30T15:00:00+08:00")}&to={Q("2026-10-30T15:00:00+08:00")}"), 404, "calendar.not_found");
    }

    [Fact]
    public async Task APut_IsSeenByTheNextDueQuestion()
    {
        var id = Samples.NewId("cal");
        var from = Q("2026-03-10T08:00:00+08:00");
        await PutAsync(id, Office());
        Assert.Equal("2026-03-10T10:00:00+08:00", (await Api.GetAsync($"{Route}/{id}/due?from={from}&minutes=60")).Json["due"]!.GetValue<string>());
        var later = Office();
        later["week"]!["tue"] = Hours(("10:00", "18:00"));
        await PutAsync(id, later);
        Assert.Equal("2026-03-10T11:00:00+08:00", (await Api.GetAsync($"{Route}/{id}/due?from={from}&minutes=60")).Json["due"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US", "The calendar has invalid fields.", "the end must be after the start")]
    [InlineData("zh-CN", "工作日历中有字段不合法。", "结束时间须晚于开始时间")]
    public async Task Problem_FollowsAcceptLanguage(string language, string title, string message)
    {
        var body = Office();
        body["week"]!["tue"] = Hours(("12:00", "09:00"));
        var request = Api.Json(HttpMethod.Put, $"{Route}/{Samples.NewId("cal")}", body, null, null);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = Problems.AssertFields(await Api.SendAsync(request), "calendar.invalid", "week.tue[0]");
        Assert.Equal(message, problem["week.tue[0]"]![0]!.GetValue<string>());
        Assert.Equal(title, problem.Parent!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoNodesStartingAtOnce_LeaveOneOfEachShippedCalendar_WithTheYearsMergedOnce()
    {
        var nodes = await Task.WhenAll(Task.Run(() => App.StartNode(new Dictionary<string, string?>())),
            Task.Run(() => App.StartNode(new Dictionary<string, string?>())));
        foreach (var node in nodes) await node.DisposeAsync();
        var rows = await App.QueryAsync(db => db.Calendars.AsNoTracking().Where(c => c.Id == "cn" || c.Id == "24x7").ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal([2025, 2026], rows.Single(r => r.Id == "cn").ShippedYears);
        Assert.Equal(2, rows.Single(r => r.Id == "cn").Version);
    }

    // 三包 on the legal calendar (cn): a warranty ending on a statutory holiday moves to the next working day; one
    // ending on a make-up Saturday (调休) does not move.
    [Theory]
    [InlineData("2025-10-01T10:00:00+08:00", "2026-10-05T12:00:00+08:00", "2026-10-09T00:00:00+08:00")]
    [InlineData("2025-10-10T10:00:00+08:00", "2026-10-09T12:00:00+08:00", "2026-10-11T00:00:00+08:00")]
    public async Task SanbaoWarrantyEnd_FollowsTheLegalCalendar(string signedAt, string at, string deadline)
    {
        var orderNo = await Api.CreateOrderAsync(change: o =>
        {
            var signed = DateTimeOffset.Parse(signedAt, System.Globalization.CultureInfo.InvariantCulture);
            o["placedAt"] = signed.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            o["paidAt"] = signed.AddDays(-3).AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            o["shipments"]![0]!["shippedAt"] = signed.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            o["shipments"]![0]!["signedAt"] = signedAt;
        });
        var response = await Api.PostAsync("/api/v1/eligibility", new JsonObject
        {
            ["orderNo"] = orderNo, ["type"] = "repair", ["reason"] = "quality_issue", ["at"] = at,
            ["lines"] = new JsonArray(new JsonObject { ["lineNo"] = 1, ["quantity"] = 1 }),
        });
        Assert.True(response.StatusCode == 200, response.ToString());
        Assert.True(response.Json["eligible"]!.GetValue<bool>(), response.ToString());
        Assert.Equal(DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), TestClockApi.Instant(response.Json["deadline"]));
    }
}

public sealed class CalendarTests_Sqlite(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarTests_Postgres(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
