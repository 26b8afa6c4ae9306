using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Web.Data;
using AfterSales.Web.Modules.Demo.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Web.Modules.Orders.Contracts;

namespace AfterSales.IntegrationTests;

/// <summary>The service on its own SQLite file with demo seeding on; several instances may share one file.</summary>
/// <param name="folder">The database and attachments of this demo.</param>
/// <param name="settleRefundsAfterSeconds">The demo payment sandbox's delay; 0 (off) unless a test is about it.</param>
public sealed class DemoSeedFactory(string folder, int settleRefundsAfterSeconds = 0) : WebApplicationFactory<Program>
{
    public const string Key = "demo-seed-test-key";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AfterSales:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:AfterSales", $"Data Source={Path.Combine(folder, "aftersales.db")}");
        builder.UseSetting("AfterSales:Attachments:Path", Path.Combine(folder, "attachments"));
        builder.UseSetting("AfterSales:Demo:Seed", "true");
        builder.UseSetting("AfterSales:Demo:SettleRefundsAfterSeconds", settleRefundsAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AfterSales:Integration:ApiKey", Key);
    }

    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }
}

public sealed class DemoSeedTests : IDisposable
{
    // Every status each lifecycle of DOMAIN.md §3 can reach through the actions the aggregate offers.
    private static readonly Dictionary<string, string[]> Reachable = new()
    {
        ["refund_only"] = ["requested", "refunding", "refunded", "refused", "platform_review", "closed", "cancelled"],
        ["return_refund"] = ["requested", "awaiting_return", "return_in_transit", "return_received", "refunding", "refunded",
            "refused", "platform_review", "closed", "cancelled"],
        ["exchange"] = ["requested", "awaiting_return", "return_in_transit", "return_received", "replacement_shipped", "refused",
            "platform_review", "closed", "cancelled"],
        ["repair"] = ["requested", "awaiting_return", "return_in_transit", "return_received", "repairing", "replacement_shipped",
            "refunding", "refunded", "refused", "platform_review", "closed", "cancelled"],
        ["complaint"] = ["opened", "assigned", "responded", "resolved", "closed", "cancelled"],
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("aftersales-demo-").FullName;

    [Fact]
    public async Task FirstStart_SeedsCasesInEveryReachableStatus()
    {
        await using var factory = new DemoSeedFactory(_folder);
        using var api = factory.Api();
        var ct = TestContext.Current.CancellationToken;

        var missingStatuses = new List<string>();
        foreach (var status in Reachable.Values.SelectMany(s => s).Distinct())
            if ((await ListAsync(api, $"status={status}&limit=1", ct)).Count == 0) missingStatuses.Add(status);
        Assert.Empty(missingStatuses);

        var missingPairs = new List<string>();
        foreach (var (type, statuses) in Reachable)
            foreach (var status in statuses)
                if ((await ListAsync(api, $"type={type}&status={status}&limit=1", ct)).Count == 0) missingPairs.Add($"{type}/{status}");
        Assert.Empty(missingPairs);

        var anyCase = (await ListAsync(api, "limit=1", ct))[0];
        var order = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{anyCase.GetProperty("orderNo").GetString()}", ct);
        Assert.NotEqual(0, order.GetProperty("lines").GetArrayLength());
        Assert.True(await CountOrdersAsync(factory, ct) >= 30);
    }

    [Fact]
    public async Task TheDemosPaymentSandbox_PaysARefundRequestedWhileItRuns_AndLeavesTheSeededRefundingCase()
    {
        await using var factory = new DemoSeedFactory(_folder, settleRefundsAfterSeconds: 1);
        using var api = factory.Api();
        var ct = TestContext.Current.CancellationToken;
        var seededRefunding = (await ListAsync(api, "status=refunding", ct)).Select(c => c.GetProperty("caseNo").GetString()!).ToList();
        Assert.NotEmpty(seededRefunding);

        // A refund-only request agreed now: the money goes to the "payment system", which the sandbox plays.
        var request = (await ListAsync(api, "type=refund_only&status=requested&limit=1", ct))[0].GetProperty("caseNo").GetString()!;
        using var agreed = await api.PostAsJsonAsync($"/api/v1/cases/{request}/actions/agree", new { }, ct);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("refunding", (await agreed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString());

        // Polls the state, not the speed: the sandbox settles on its own timer, within seconds.
        string? status = null;
        for (var i = 0; i < 60 && status != "refunded"; i++)
        {
            await Task.Delay(500, ct);
            status = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{request}", ct)).GetProperty("status").GetString();
        }
        Assert.Equal("refunded", status);
        var refund = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{request}", ct)).GetProperty("refunds")[0];
        Assert.StartsWith("DEMO-PAY-", refund.GetProperty("externalRef").GetString(), StringComparison.Ordinal);
        // The demo's refunding showcase stays as seeded: only refunds asked for while the demo runs are paid.
        foreach (var caseNo in seededRefunding)
            Assert.Equal("refunding", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseNo}", ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FirstStart_ShowsAFailedRefundRetriedAndInternalNotes()
    {
        await using var factory = new DemoSeedFactory(_folder);
        using var api = factory.Api();
        var ct = TestContext.Current.CancellationToken;

        var refunded = await ListAsync(api, "status=refunded&type=refund_only", ct);
        var views = await Task.WhenAll(refunded.Select(c =>
            api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.GetProperty("caseNo").GetString()}", ct)));
        Assert.Contains(views, v => v.GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("status").GetString())
            .SequenceEqual(["failed", "succeeded"]));

        var review = (await ListAsync(api, "status=platform_review", ct)).ToList();
        Assert.All(review, c => Assert.StartsWith("agent-", c.GetProperty("assignee").GetString()));
        var notes = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{review[0].GetProperty("caseNo").GetString()}/messages", ct);
        Assert.Contains(notes.EnumerateArray(), m => m.GetProperty("internal").GetBoolean() && m.GetProperty("role").GetString() == "agent");
    }

    [Fact]
    public async Task FirstStart_SeedsRouting_QueuesWithWaitingWork_AndAgentsOfDifferentCapacity()
    {
        await using var factory = new DemoSeedFactory(_folder);
        using var api = factory.Api();
        var ct = TestContext.Current.CancellationToken;

        var queues = await api.GetFromJsonAsync<JsonElement>("/api/v1/queues", ct);
        Assert.True(queues.GetArrayLength() >= 3);
        Assert.Contains(queues.EnumerateArray(), q => q.GetProperty("stats").GetProperty("depth").GetInt32() > 0);
        var agents = await api.GetFromJsonAsync<JsonElement>("/api/v1/agents", ct);
        Assert.Contains(agents.EnumerateArray(), a => !a.GetProperty("available").GetBoolean());
        Assert.True(agents.EnumerateArray().Select(a => a.GetProperty("capacity").GetInt32()).Distinct().Count() > 1);
        var complaint = (await ListAsync(api, "type=complaint&status=opened&limit=1", ct))[0];
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{complaint.GetProperty("caseNo").GetString()}", ct);
        Assert.Equal("complaints", view.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task SecondStart_DoesNotSeedAgain()
    {
        int cases, orders;
        await using (var first = new DemoSeedFactory(_folder))
        {
            using var api = first.Api();
            cases = await CountCasesAsync(api, TestContext.Current.CancellationToken);
            orders = await CountOrdersAsync(first, TestContext.Current.CancellationToken);
        }
        Assert.True(cases > 0);

        await using var second = new DemoSeedFactory(_folder);
        using var again = second.Api();
        Assert.Equal(cases, await CountCasesAsync(again, TestContext.Current.CancellationToken));
        Assert.Equal(orders, await CountOrdersAsync(second, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(null, "Sqlite", true)]
    [InlineData(false, "Sqlite", false)]
    [InlineData(null, "Postgres", false)]
    [InlineData(true, "Postgres", true)]
    public void Seed_DefaultsToOnOnlyForTheEmbeddedDatabase(bool? seed, string provider, bool expected) =>
        Assert.Equal(expected, new DemoOptions { Seed = seed }.ShouldSeed(new DatabaseOptions { Provider = provider }));

    private static async Task<List<JsonElement>> ListAsync(HttpClient api, string query, CancellationToken ct)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?{query}", ct);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<int> CountCasesAsync(HttpClient api, CancellationToken ct)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases?limit=200{(cursor is null ? "" : "&cursor=" + cursor)}", ct);
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return count;
    }

    // There is no order listing in the API yet, so the count is read from the database the service uses.
    private static async Task<int> CountOrdersAsync(DemoSeedFactory factory, CancellationToken ct)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>().Orders.CountAsync(ct);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so that the folder can go.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
