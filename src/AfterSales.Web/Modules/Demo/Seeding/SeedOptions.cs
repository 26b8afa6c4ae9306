using System.Globalization;

namespace AfterSales.Web.Modules.Demo.Seeding;

/// <summary>The switches of <c>seed</c>; anything unknown or malformed is an error, not silently ignored.</summary>
internal sealed record SeedOptions
{
    public long Orders { get; init; }
    public long Cases { get; init; }
    public double OpenShare { get; init; } = 0.1;
    public string? Provider { get; init; }
    public string? Connection { get; init; }
    public int Days { get; init; } = 365;
    public int Batch { get; init; } = 20_000;
    public int RandomSeed { get; init; } = 42;
    public string Prefix { get; init; } = "SO";

    public const string Usage = """
        usage: seed --orders N [--cases N] [--open-share 0.1] [--provider Sqlite|Postgres] [--connection "..."]
                    [--days 365] [--batch 20000] [--random-seed 42] [--prefix SO]
          --orders       orders to write (order numbers <prefix><9 digits>, no two runs may share a prefix)
          --cases        cases to write, at most one per order, spread evenly over the orders (default: orders / 10)
          --open-share   share of cases left in 'requested' (the open queue); the rest are spread over the lifecycles
          --provider, --connection  default: the service's own configuration (appsettings, environment)
        """;

    public static SeedOptions Parse(string[] args)
    {
        var o = new SeedOptions();
        long? cases = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            o = name switch
            {
                "--orders" => o with { Orders = Long(name, Value()) },
                "--cases" => o,
                "--open-share" => o with { OpenShare = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--provider" => o with { Provider = Value() },
                "--connection" => o with { Connection = Value() },
                "--days" => o with { Days = (int)Long(name, Value()) },
                "--batch" => o with { Batch = (int)Long(name, Value()) },
                "--random-seed" => o with { RandomSeed = (int)Long(name, Value()) },
                "--prefix" => o with { Prefix = Value() },
                _ => throw new ArgumentException($"unknown switch '{name}'"),
            };
            if (name == "--cases") cases = Long(name, Value());
        }
        o = o with { Cases = cases ?? o.Orders / 10 };
        if (o.Orders <= 0) throw new ArgumentException("--orders must be a positive number");
        if (o.Cases < 0 || o.Cases > o.Orders) throw new ArgumentException("--cases must be 0 to --orders (at most one case per order)");
        if (o.OpenShare is < 0 or > 1) throw new ArgumentException("--open-share must be 0 to 1");
        if (o.Days is < 1 or > 3650) throw new ArgumentException("--days must be 1 to 3650");
        if (o.Batch is < 100 or > 1_000_000) throw new ArgumentException("--batch must be 100 to 1,000,000");
        if (!AfterSales.Web.Modules.Orders.Contracts.OrderValidator.IdPattern().IsMatch(o.Prefix + "000000000"))
            throw new ArgumentException("--prefix: letters, digits, '-' or '_', so that order numbers stay valid");
        return o;
    }

    private static long Long(string name, string value) =>
        long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v)
            ? v : throw new ArgumentException($"{name}: '{value}' is not a whole number");
}
