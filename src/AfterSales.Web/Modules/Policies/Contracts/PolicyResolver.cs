using AfterSales.Web.Data;
using AfterSales.Web.Modules.Policies.Domain;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Modules.Policies.Contracts;

public sealed record EffectivePolicy(PolicySettings Settings, string Version);

/// <summary>
/// The policy a new case is opened under: platform, then category, then shop overrides (the most specific wins).
/// The version tag names each scope's version, so a case can always say which rules it was judged by.
/// </summary>
public static class PolicyResolver
{
    public static async Task<EffectivePolicy> ResolveAsync(AfterSalesDbContext db, string shopId, string? category, CancellationToken ct)
    {
        string[] scopes = ["platform", "category:" + category, "shop:" + shopId];
        var rows = await db.Policies.AsNoTracking().Where(p => scopes.Contains(p.Scope)).ToListAsync(ct);
        var latest = rows.GroupBy(p => p.Scope).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Version)!);
        var settings = PolicySettings.Default;
        var tags = new List<string>();
        foreach (var scope in scopes)
        {
            if (!latest.TryGetValue(scope, out var v)) continue;
            settings = v.Settings.ApplyTo(settings);
            tags.Add($"{scope}@v{v.Version}");
        }
        return new EffectivePolicy(settings, tags.Count == 0 ? "default" : string.Join(";", tags));
    }

    /// <summary>The version tag of several lines' policies: every scope once, platform first, categories in line order, shop last.</summary>
    public static string CombineVersions(IReadOnlyList<EffectivePolicy> policies)
    {
        if (policies.Count == 1) return policies[0].Version;
        var tags = policies.SelectMany(p => p.Version.Split(';')).Where(t => t != "default").Distinct()
            .OrderBy(t => t.StartsWith("platform@", StringComparison.Ordinal) ? 0 : t.StartsWith("shop:", StringComparison.Ordinal) ? 2 : 1)
            .ToList();
        return tags.Count == 0 ? "default" : string.Join(";", tags);
    }
}
