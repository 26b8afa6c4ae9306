namespace AfterSales.Web.Modules.ServiceStandards.Contracts;

/// <summary>
/// The explicit form of <see cref="IfMatch"/>: the version a caller (an admin page) showed, checked against the stored one.
/// Null: no check (last writer wins), as a PUT without <c>If-Match</c>. A mismatch is the same 412 problem with
/// <c>currentVersion</c>.
/// </summary>
internal static class ExpectedVersion
{
    public static Action<int> Check(int? expected, string code) => current =>
    {
        if (expected is { } v && v != current)
            throw new DomainException(code, null, new Dictionary<string, object?> { ["currentVersion"] = current });
    };
}
