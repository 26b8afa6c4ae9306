using System.Net.Http.Headers;
using AfterSales.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Authentication, health, the API description, and that the fixture really runs the engine it names.</summary>
public abstract class OperationsTests(AfterSalesApp app) : ApiTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Service_RunsOnTheConfiguredEngine()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>();
        var expected = App.Engine == "Postgres" ? typeof(PostgresAfterSalesDbContext) : typeof(SqliteAfterSalesDbContext);
        Assert.IsType(expected, db);
    }

    [Theory]
    [InlineData("/api/v1/cases")]
    [InlineData("/api/v1/orders/O-1")]
    public async Task Api_WithoutKey_Is401Problem(string url)
    {
        using var client = App.CreateAnonymousClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("auth.required", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_WithWrongKey_Is401AndWritesNothing()
    {
        using var client = App.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        var orderNo = Samples.NewId("O");
        using var put = await client.PutAsync($"/api/v1/orders/{orderNo}",
            new StringContent(Samples.Order("shop-x").ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetOrderAsync(orderNo)).Status);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemWithCode()
    {
        Problems.Assert(await Api.GetAsync("/api/v1/no-such-thing"), 404, "not_found");
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemWithCode()
    {
        Problems.Assert(await Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/cases")), 405, "request.method_not_allowed");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthyWithoutKey(string url)
    {
        using var client = App.CreateAnonymousClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_DescribesTheCaseEndpoints()
    {
        using var client = App.CreateAnonymousClient();
        using var response = await client.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var paths = doc["paths"]!.AsObject();
        Assert.Contains("/api/v1/cases", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/cases/{caseNo}/actions/{action}", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/orders/{orderNo}", paths.Select(p => p.Key));
        Assert.Contains("/api/v1/refunds/{refundId}/result", paths.Select(p => p.Key));
    }

    [Fact]
    public async Task Docs_ServesTheApiReferencePage()
    {
        using var client = App.CreateAnonymousClient();
        using var response = await client.GetAsync("/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("AfterSales API", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class OperationsTests_Sqlite(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>;

public sealed class OperationsTests_Postgres(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>;
