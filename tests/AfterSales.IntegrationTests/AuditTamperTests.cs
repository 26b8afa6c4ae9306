using AfterSales.Web.Modules.Audit.Features;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Rows changed behind the service's back (direct SQL, as an intruder or a careless admin would) are found and
/// reported at their position, by the endpoint and by the <c>audit-verify</c> verb. A database per test: a broken
/// chain stays broken.
/// </summary>
public abstract class AuditTamperTests(AfterSalesApp app) : FreshAppTests(app)
{
    private const int Entries = 5;

    /// <summary>Five policy changes: positions 1–5 in a fresh database (shipped and seeded data are not changes).</summary>
    private async Task RecordFiveAsync()
    {
        for (var i = 0; i < Entries; i++)
            Assert.Equal(200, (await Api.PutAsync($"/api/v1/policies/category:tamper{i}", new JsonObject { ["appealDays"] = 7 + i })).StatusCode);
        var verified = await AuditTests.VerifyAsync(Api);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(Entries, verified["checked"]!.GetValue<long>());
    }

    private Task SqlAsync(string sql) => App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private async Task AssertBrokenAtAsync(long position)
    {
        var verified = await AuditTests.VerifyAsync(Api);
        Assert.False(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(position, verified["firstBrokenAt"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(3, "\"ActorId\" = 'someone-else'")]
    [InlineData(3, "\"DataJson\" = '{{\"version\":2}}'")] // braces doubled: ExecuteSqlRaw formats
    [InlineData(1, "\"Action\" = 'calendar.changed'")]
    [InlineData(5, "\"Target\" = 'shop:other'")]
    [InlineData(2, "\"PrevHash\" = \"Hash\"")]
    public async Task EditedEntry_IsReportedAtItsPosition(int position, string set)
    {
        await RecordFiveAsync();
        await SqlAsync($"UPDATE audit_entries SET {set} WHERE \"Position\" = {position}");
        await AssertBrokenAtAsync(position);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task DeletedEntry_IsReportedAtItsPosition(int position)
    {
        await RecordFiveAsync();
        await SqlAsync($"DELETE FROM audit_entries WHERE \"Position\" = {position}");
        await AssertBrokenAtAsync(position);
    }

    [Fact]
    public async Task EntryRewrittenWithAFreshHash_BreaksTheLinkOfTheNext()
    {
        await RecordFiveAsync();
        // Copying entry 4's hash onto 3 makes 3 self-inconsistent; whoever also recomputed 3's hash would still
        // leave 4 pointing at the old one. Either way the chain breaks no later than the next position.
        await SqlAsync("UPDATE audit_entries SET \"Hash\" = (SELECT \"Hash\" FROM audit_entries WHERE \"Position\" = 4) WHERE \"Position\" = 3");
        await AssertBrokenAtAsync(3);
    }

    [Fact]
    public async Task AfterTampering_NewEntriesStillAppend_AndTheBreakStaysReported()
    {
        await RecordFiveAsync();
        await SqlAsync("DELETE FROM audit_entries WHERE \"Position\" = 2");
        Assert.Equal(200, (await Api.PutAsync("/api/v1/policies/category:after", new JsonObject { ["appealDays"] = 9 })).StatusCode);
        await AssertBrokenAtAsync(2);
        var all = await AuditTests.AllEntriesAsync(Api);
        Assert.Equal(Entries + 1, all[^1]["position"]!.GetValue<long>());
    }

    [Fact]
    public async Task VerifyVerb_ExitsZeroOnAnIntactLog_AndNonZeroOnceARowIsEdited()
    {
        await RecordFiveAsync();
        string[] args = ["--provider", App.Engine, "--connection", App.ConnectionString, "--batch", "2"];
        Assert.Equal(0, await AuditVerifyCommand.RunAsync(args));
        await SqlAsync("UPDATE audit_entries SET \"ActorRole\" = 'consumer' WHERE \"Position\" = 4");
        Assert.Equal(1, await AuditVerifyCommand.RunAsync(args));
        Assert.Equal(2, await AuditVerifyCommand.RunAsync(["--bogus"]));
    }
}

public sealed class AuditTamperTests_Sqlite() : AuditTamperTests(new SqliteApp());

public sealed class AuditTamperTests_Postgres() : AuditTamperTests(new PostgresApp());
