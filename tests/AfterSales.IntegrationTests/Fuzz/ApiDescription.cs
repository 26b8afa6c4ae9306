namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>One operation of the service's OpenAPI document, with what the fuzzer may vary.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, RequestBody? Body)
{
    public string Key => $"{Method} {Path}";

    /// <summary>A safe method (RFC 9110 §9.2.1): it writes nothing whatever it answers, so several may run at once.</summary>
    public bool IsSafe => Method is "GET" or "HEAD";
}

public sealed record Parameter(string Name, string In, JsonObject Schema, bool Required);

public sealed record RequestBody(string MediaType, JsonObject Schema, bool Required);

/// <summary>
/// The service's own description of itself (<c>/openapi/v1.json</c>), read with System.Text.Json: every path ×
/// method as an <see cref="Operation"/>, and <c>$ref</c>s resolved against its components.
/// </summary>
public sealed class ApiDescription
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];
    private readonly JsonObject _schemas;

    public ApiDescription(JsonObject document)
    {
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item?[method] is not JsonObject op) continue;
                var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject())
                    .Select(p => new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]),
                        p["required"]?.GetValue<bool>() ?? false))
                    .ToList();
                RequestBody? body = null;
                if (op["requestBody"] is JsonObject rb && rb["content"]?.AsObject().FirstOrDefault() is { Key: { } media } content)
                    body = new RequestBody(media, Resolve(content.Value?["schema"]), rb["required"]?.GetValue<bool>() ?? false);
                operations.Add(new Operation(method.ToUpperInvariant(), path, parameters, body));
            }
        }
        Operations = operations;
    }

    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>The schema itself, or the component a <c>$ref</c> names (an empty schema, "anything", when there is none).</summary>
    public JsonObject Resolve(JsonNode? schema)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; hops++)
            schema = _schemas[reference[(reference.LastIndexOf('/') + 1)..]];
        return schema as JsonObject ?? [];
    }

    /// <summary>The documented values of a named enum component (e.g. <c>CaseAction</c>), or none.</summary>
    public string[] EnumOf(string component) =>
        [.. (_schemas[component]?["enum"]?.AsArray() ?? []).Select(v => v?.GetValue<string>()).OfType<string>()];
}
