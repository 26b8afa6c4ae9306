using Microsoft.EntityFrameworkCore;

namespace Planted.Modules.Alpha.Domain;

/// <summary>Rule 4, broken: a domain class that knows EF Core (the index attribute belongs in a configuration).</summary>
[Index(nameof(Code))]
public sealed class Widget
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
}
