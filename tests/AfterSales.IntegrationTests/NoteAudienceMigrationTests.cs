using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.Access.AccessClient;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Notes written before audiences existed were shown to the shop's merchants; the migration that adds audiences makes
/// every one of them the platform's (the safe reading), whatever it was meant for. A database of its own, since the
/// test takes its schema back a step and forward again.
/// </summary>
public abstract class NoteAudienceMigrationTests(AfterSalesApp app) : ApiTests(app)
{
    [Fact]
    public async Task NotesFromBeforeAudiences_BecomePlatformOnly_MessagesStayMessages()
    {
        var (shop, consumerId) = (Samples.NewId("shop"), Samples.NewId("c"));
        var orderNo = Samples.NewId("PD");
        Assert.Equal(201, (await Api.PutOrderAsync(orderNo, Samples.Order(shop, consumerId))).StatusCode);
        var caseNo = (await Api.OpenCaseAsync(orderNo, "return_refund", "no_reason_7day"))["caseNo"]!.GetValue<string>();
        var merchant = Name("merchant");
        var user = User(merchant, StrongPassword, "merchant");
        user["shopIds"] = new JsonArray(shop);
        Assert.Equal(201, (await Api.PostAsync("/api/v1/users", user)).StatusCode);
        foreach (var body in new JsonObject[]
        {
            new() { ["body"] = "old note A", ["internal"] = true, ["audience"] = "shop" },
            new() { ["body"] = "old note B", ["internal"] = true },
            new() { ["body"] = "old message C" },
        })
            Assert.Equal(201, (await Api.PostAsync($"{Api.Cases}/{caseNo}/messages", body)).StatusCode);

        // Back to the schema before audiences (the column goes), then forward as a deployment would run it.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_NoteAudiences", StringComparison.Ordinal));
            Assert.True(added > 0, "the NoteAudiences migration is not found");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1], TestContext.Current.CancellationToken);
            await migrator.MigrateAsync(null, TestContext.Current.CancellationToken);
            // The stored column itself, not only its reading (which takes a note without an audience as the platform's).
            Assert.Equal(0, await db.Messages.CountAsync(m => m.Internal && m.Audience == null, TestContext.Current.CancellationToken));
            Assert.Equal(2, await db.Messages.CountAsync(m => m.Audience == AfterSales.Web.Modules.Cases.Domain.NoteAudience.Platform,
                TestContext.Current.CancellationToken));
        }

        var all = (await Api.GetAsync($"{Api.Cases}/{caseNo}/messages")).Json.AsArray()
            .ToDictionary(m => m!["body"]!.GetValue<string>(), m => m!["audience"]?.GetValue<string>());
        Assert.Equal("platform", all["old note A"]);
        Assert.Equal("platform", all["old note B"]);
        Assert.Null(all["old message C"]);
        var shopReads = (await (await SignedInAsync(App, merchant)).GetAsync($"{Api.Cases}/{caseNo}/messages")).Json.AsArray();
        Assert.Equal(["old message C"], shopReads.Select(m => m!["body"]!.GetValue<string>()));
    }
}

public sealed class NoteAudienceMigrationTests_Sqlite(SqliteApp app) : NoteAudienceMigrationTests(app), IClassFixture<SqliteApp>;

public sealed class NoteAudienceMigrationTests_Postgres(PostgresApp app) : NoteAudienceMigrationTests(app), IClassFixture<PostgresApp>;
