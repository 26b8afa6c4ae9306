namespace Clean.Modules.Access.Contracts;

/// <summary>Access's front door, the only way other modules and the UI reach it.</summary>
public interface IUserDirectory
{
    Task<string?> DisplayNameAsync(string userId, CancellationToken ct);
}
