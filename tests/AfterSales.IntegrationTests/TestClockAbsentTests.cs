namespace AfterSales.IntegrationTests;

/// <summary>Without <c>AfterSales:Clock:Manual=true</c> the test clock does not exist (API.md "Operations").</summary>
public abstract class TestClockAbsentTests(AfterSalesApp app) : ApiTests(app)
{
    [Fact]
    public async Task TestClock_WithoutTheManualSetting_Is404()
    {
        Assert.Equal(404, (await Api.GetAsync(TestClockApi.Route)).StatusCode);
        Assert.Equal(404, (await Api.TryAdvanceAsync(TimeSpan.FromHours(48))).StatusCode);
    }

    [Fact]
    public async Task TestClock_WithoutTheManualSetting_IsNotDescribed()
    {
        var doc = await Api.GetAsync("/openapi/v1.json");
        Assert.Equal(200, doc.StatusCode);
        Assert.DoesNotContain(doc.Json["paths"]!.AsObject(), p => p.Key.StartsWith(TestClockApi.Route, StringComparison.Ordinal));
    }
}

public sealed class TestClockAbsentTests_Sqlite(SqliteApp app) : TestClockAbsentTests(app), IClassFixture<SqliteApp>;

public sealed class TestClockAbsentTests_Postgres(PostgresApp app) : TestClockAbsentTests(app), IClassFixture<PostgresApp>;
