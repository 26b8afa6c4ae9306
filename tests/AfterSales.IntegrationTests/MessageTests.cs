namespace AfterSales.IntegrationTests;

/// <summary>Messages to the other party and internal notes.</summary>
public abstract class MessageTests(AfterSalesApp app) : ApiTests(app)
{
    private async Task<string> NewCaseAsync()
    {
        var orderNo = await Api.CreateOrderAsync();
        return (await Api.OpenCaseAsync(orderNo, "complaint", "other"))["caseNo"]!.GetValue<string>();
    }

    private async Task<JsonArray> ListAsync(string caseNo)
    {
        var list = await Api.GetAsync($"{Api.Cases}/{caseNo}/messages");
        Assert.Equal(200, list.StatusCode);
        return list.Json.AsArray();
    }

    [Fact]
    public async Task Messages_AndInternalNotes_AreListedOldestFirstWithTheirKind()
    {
        var caseNo = await NewCaseAsync();
        var message = await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "请提供照片", ["internal"] = false });
        var note = await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = "repeat complainer", ["internal"] = true });
        Assert.Equal(201, message.StatusCode);
        Assert.Equal(201, note.StatusCode);
        Assert.True(note.Json["internal"]!.GetValue<bool>());

        var list = await ListAsync(caseNo);
        Assert.Equal(["请提供照片", "repeat complainer"], list.Select(m => m!["body"]!.GetValue<string>()));
        Assert.Equal([false, true], list.Select(m => m!["internal"]!.GetValue<bool>()));
        Assert.All(list, m => Assert.Equal("platform", m!["role"]!.GetValue<string>()));
        Assert.Equal(message.Json["messageId"]!.GetValue<string>(), list[0]!["messageId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Message_WithoutText_Is400AndStoresNothing(string body)
    {
        var caseNo = await NewCaseAsync();
        Problems.AssertFields(await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = body }), "validation.failed", "body");
        Assert.Empty(await ListAsync(caseNo));
    }

    [Fact]
    public async Task Message_LongerThan4000Characters_Is400AndStoresNothing()
    {
        var caseNo = await NewCaseAsync();
        var response = await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", new JsonObject { ["body"] = new string('话', 4001) });
        Problems.AssertFields(response, "validation.failed", "body");
        Assert.Empty(await ListAsync(caseNo));
    }

    [Fact]
    public async Task Message_OnUnknownCase_Is404()
    {
        Problems.Assert(await Api.PostAsync($"{Api.Cases}/AS000000000000000/messages", new JsonObject { ["body"] = "hi" }), 404, "case.not_found");
    }
}

public sealed class MessageTests_Sqlite(SqliteApp app) : MessageTests(app), IClassFixture<SqliteApp>;

public sealed class MessageTests_Postgres(PostgresApp app) : MessageTests(app), IClassFixture<PostgresApp>;
