using System.Globalization;
using CsCheck;

namespace AfterSales.IntegrationTests.Fuzz;

/// <summary>
/// How many requests and from which seed, from the environment. <c>AFTERSALES_FUZZ_SEED</c> is either a number (the
/// run's seed: request i is generated from CsCheck's PCG on stream i with that seed) or the CsCheck seed string a
/// failure printed (that one request alone). <c>AFTERSALES_FUZZ_REQUESTS</c> is the count of a run (default 10 000).
/// </summary>
public sealed record FuzzSettings(ulong RunSeed, int Count, string? OneRequest)
{
    public const ulong DefaultSeed = 20_261_213;
    public const int DefaultCount = 10_000;

    public static FuzzSettings FromEnvironment()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("AFTERSALES_FUZZ_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : DefaultCount;
        var seed = Environment.GetEnvironmentVariable("AFTERSALES_FUZZ_SEED")?.Trim();
        if (string.IsNullOrEmpty(seed)) return new FuzzSettings(DefaultSeed, count, null);
        return ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var run)
            ? new FuzzSettings(run, count, null)
            : new FuzzSettings(0, 1, seed);
    }

    /// <summary>The requests of this run, in order, each carrying the seed string that generates it alone.</summary>
    public IEnumerable<FuzzRequest> Requests(Gen<FuzzRequest> gen)
    {
        if (OneRequest is not null)
        {
            yield return gen.Generate(PCG.Parse(OneRequest), null, out _) with { Seed = OneRequest };
            yield break;
        }
        for (var i = 0; i < Count; i++)
        {
            var pcg = new PCG((uint)i, RunSeed);
            var seed = pcg.ToString();
            yield return gen.Generate(pcg, null, out _) with { Seed = seed };
        }
    }

    public override string ToString() => OneRequest is not null
        ? $"replaying the one request of seed {OneRequest}"
        : $"run seed {RunSeed} (AFTERSALES_FUZZ_SEED={RunSeed} repeats this run), {Count} requests";
}
