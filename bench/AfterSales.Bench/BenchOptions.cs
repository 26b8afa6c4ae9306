using System.Globalization;

namespace AfterSales.Bench;

/// <summary>Command-line switches shared by the benchmarks; every one has a default that works on a developer machine.</summary>
public sealed record BenchOptions
{
    public string Provider { get; init; } = "Sqlite";
    public string WebDll { get; init; } = "src/AfterSales.Web/bin/Release/net10.0/AfterSales.Web.dll";
    public string WorkDir { get; init; } = "bench/results/data";
    public string PgAdmin { get; init; } = "Host=127.0.0.1;Port=5432;Username=aftersales;Password=aftersales;Database=postgres";
    public string? Database { get; init; }
    public bool Reuse { get; init; }
    public bool Keep { get; init; }
    public int Port { get; init; } = 5391;
    public int Clients { get; init; } = 8;
    public double Seconds { get; init; } = 20;
    public double RawSeconds { get; init; } = 5;
    public long Orders { get; init; } = 1_000_000;
    public long Cases { get; init; } = 1_000_000;
    public long FreeOrders { get; init; } = 80_000;
    public double OpenShare { get; init; } = 0.1;
    public int Requests { get; init; } = 2000;
    public int Warmup { get; init; } = 200;
    public double WarmupSeconds { get; init; } = 60;
    public IReadOnlyList<string> ServiceEnv { get; init; } = [];
    public long Pending { get; init; } = 1_000_000;
    public long SmallPending { get; init; } = 10_000;
    public int Rounds { get; init; } = 15;
    public int BigRounds { get; init; } = 3;
    public int BigDue { get; init; } = 10_000;
    public double StreamRate { get; init; } = 100;
    public double StreamSeconds { get; init; } = 60;
    public string Parts { get; init; } = "ab";
    public double Minutes { get; init; } = 20;
    public double Rate { get; init; } = 100;
    public double SampleSeconds { get; init; } = 10;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var o = new BenchOptions();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            string V() => e.MoveNext() ? e.Current : throw new ArgumentException($"{name} needs a value");
            o = name switch
            {
                "--provider" => o with { Provider = V() },
                "--web-dll" => o with { WebDll = V() },
                "--work-dir" => o with { WorkDir = V() },
                "--pg-admin" => o with { PgAdmin = V() },
                "--database" => o with { Database = V() },
                "--reuse" => o with { Reuse = true, Keep = true },
                "--keep" => o with { Keep = true },
                "--port" => o with { Port = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--clients" => o with { Clients = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--seconds" => o with { Seconds = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--raw-seconds" => o with { RawSeconds = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--orders" => o with { Orders = long.Parse(V(), CultureInfo.InvariantCulture) },
                "--cases" => o with { Cases = long.Parse(V(), CultureInfo.InvariantCulture) },
                "--free-orders" => o with { FreeOrders = long.Parse(V(), CultureInfo.InvariantCulture) },
                "--open-share" => o with { OpenShare = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--requests" => o with { Requests = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--service-env" => o with { ServiceEnv = [.. o.ServiceEnv, V()] },
                "--warmup-seconds" => o with { WarmupSeconds = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--pending" => o with { Pending = long.Parse(V(), CultureInfo.InvariantCulture) },
                "--small-pending" => o with { SmallPending = long.Parse(V(), CultureInfo.InvariantCulture) },
                "--rounds" => o with { Rounds = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--big-rounds" => o with { BigRounds = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--big-due" => o with { BigDue = int.Parse(V(), CultureInfo.InvariantCulture) },
                "--stream-rate" => o with { StreamRate = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--stream-seconds" => o with { StreamSeconds = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--parts" => o with { Parts = V() },
                "--minutes" => o with { Minutes = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--rate" => o with { Rate = double.Parse(V(), CultureInfo.InvariantCulture) },
                "--sample-seconds" => o with { SampleSeconds = double.Parse(V(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown switch '{name}'"),
            };
        }
        if (!o.IsPostgres && !string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("--provider must be Sqlite or Postgres");
        return o;
    }
}
