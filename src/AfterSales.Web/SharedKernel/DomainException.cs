namespace AfterSales.Web.SharedKernel;

/// <summary>
/// A named rule said no. The <see cref="Code"/> is the stable machine-readable string of API.md;
/// its HTTP status and localized text are chosen once, in <c>ProblemMapping</c>.
/// </summary>
public sealed class DomainException(string code, string? detail = null, IReadOnlyDictionary<string, object?>? data = null)
    : Exception(detail ?? code)
{
    public string Code { get; } = code;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Data2 { get; } = data ?? new Dictionary<string, object?>();
}

/// <summary>Field-level validation failures: 400 with <c>errors</c>, nothing written.</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors, string code = "validation.failed")
    : Exception(code)
{
    public string Code { get; } = code;
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects field errors; throws once at the end so a client sees every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void ThrowIfAny(string code = "validation.failed")
    {
        if (Any) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), code);
    }
}
