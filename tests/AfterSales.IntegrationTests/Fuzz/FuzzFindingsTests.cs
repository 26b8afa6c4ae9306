using System.Text;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// What the fuzz suite found, each pinned by a focused test: an API error is problem+json whatever the request's
/// Accept header names (it was a 500 with the exception's text for <c>text/html</c>, <c>image/png</c>, XML), and a
/// body that claims to be a form but cannot be read as one is a 400, not a 500, and writes nothing.
/// </summary>
public abstract class FuzzFindingsTests(AfterSalesApp app) : ApiTests(app)
{
    public static TheoryData<string> Accepts => ["text/html", "image/png", "application/xml", "text/plain"];

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task AnApiError_IsProblemJson_WhateverAcceptNames(string accept)
    {
        var missing = new HttpRequestMessage(HttpMethod.Get, $"{Api.Cases}/AS000000000000");
        missing.Headers.TryAddWithoutValidation("Accept", accept);
        AssertProblem(await Api.SendAsync(missing), 404, "case.not_found");

        var anonymous = new Api(App.CreateAnonymousClient());
        var unsigned = new HttpRequestMessage(HttpMethod.Get, Api.Cases);
        unsigned.Headers.TryAddWithoutValidation("Accept", accept);
        AssertProblem(await anonymous.SendAsync(unsigned), 401, "auth.required");

        var invalid = Api.Json(HttpMethod.Post, "/api/v1/webhooks", new JsonObject { ["url"] = 1 }, null, null);
        invalid.Headers.TryAddWithoutValidation("Accept", accept);
        Assert.Equal(400, AssertProblem(await Api.SendAsync(invalid)).StatusCode);
    }

    private static ApiResponse AssertProblem(ApiResponse response, int? status = null, string? code = null)
    {
        if (status is not null) Problems.Assert(response, status.Value, code!);
        Assert.True(response.MediaType == "application/problem+json", response.ToString());
        Assert.False(string.IsNullOrEmpty(response.Code), response.ToString());
        Assert.DoesNotMatch(ResponseChecks.Leak(), response.Body);
        return response;
    }

    public static TheoryData<string, string> BrokenForms => new()
    {
        { "multipart/form-data; boundary=x", "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"case.created\"],\"secret\":\"0123456789abcdef\"}" },
        { "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc" },
        { "multipart/form-data; boundary=fuzz", "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG" },
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task ABodyThatIsNoForm_ButSaysItIs_Is400_AndWritesNothing(string contentType, string body)
    {
        var caseNo = (await Api.OpenCaseAsync(await Api.CreateOrderAsync(), "return_refund"))["caseNo"]!.GetValue<string>();
        foreach (var url in new[] { "/api/v1/webhooks", $"{Api.Cases}/{caseNo}/attachments", $"{Api.Cases}/{caseNo}/messages" })
        {
            var before = await RowCounts.TakeAsync(App);
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var response = AssertProblem(await Api.SendAsync(request));
            Assert.True(response.StatusCode is 400 or 415, $"{url}: {response}");
            Assert.Equal(before, await RowCounts.TakeAsync(App));
        }
    }
}

public sealed class FuzzFindingsTests_Sqlite(SqliteApp app) : FuzzFindingsTests(app), IClassFixture<SqliteApp>;

public sealed class FuzzFindingsTests_Postgres(PostgresApp app) : FuzzFindingsTests(app), IClassFixture<PostgresApp>;
