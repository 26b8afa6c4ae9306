namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>Assertions on RFC 9457 problems: status, media type and the stable <c>code</c>.</summary>
public static class Problems
{
    public static JsonNode Assert(ApiResponse response, int status, string code)
    {
        Xunit.Assert.True(response.StatusCode == status, $"expected {status} {code}, got {response}");
        Xunit.Assert.Equal("application/problem+json", response.MediaType);
        var problem = response.Json;
        Xunit.Assert.Equal(code, problem["code"]?.GetValue<string>());
        Xunit.Assert.Equal(status, problem["status"]!.GetValue<int>());
        Xunit.Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>A 400 with field errors; every named field must be among them.</summary>
    public static JsonObject AssertFields(ApiResponse response, string code, params string[] fields)
    {
        var problem = Assert(response, 400, code);
        var errors = problem["errors"]?.AsObject();
        Xunit.Assert.NotNull(errors);
        foreach (var field in fields)
            Xunit.Assert.True(errors.ContainsKey(field), $"no error for '{field}' in {errors.ToJsonString()}");
        return errors;
    }
}
