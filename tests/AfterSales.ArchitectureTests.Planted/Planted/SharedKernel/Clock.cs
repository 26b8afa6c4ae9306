using Planted.Modules.Alpha.Domain;

namespace Planted.SharedKernel;

/// <summary>Rule 3, broken: the shared kernel sits below every module, yet this reads a module's domain type.</summary>
public static class Clock
{
    public static string Stamp(Widget widget) => $"{widget.Code}@{DateTimeOffset.UnixEpoch:O}";
}
