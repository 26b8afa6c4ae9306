using Clean.Data;
using Clean.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clean.Modules.Access.Features;

/// <summary>Behind the front door: internal, and free to use the platform's DbContext.</summary>
internal sealed class UserDirectory(AfterSalesDbContext db) : IUserDirectory
{
    public async Task<string?> DisplayNameAsync(string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
}
