using Microsoft.AspNetCore.Identity;

namespace Clean.Modules.Access.Domain;

/// <summary>
/// Mirrors the real AppUser: a domain type may derive from IdentityUser (rule 4's one allowance), and the DbContext
/// may name it (rule 3's one allowance).
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public bool Named => !string.IsNullOrEmpty(UserName);
}
