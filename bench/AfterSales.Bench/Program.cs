using AfterSales.Bench;

// bench create|queue|timers|recompute|due|soak [switches]: see bench/README.md. Figures are printed on lines starting with RESULT.
if (args.Length == 0 || args[0] is not ("create" or "queue" or "timers" or "recompute" or "due" or "soak"))
{
    Console.Error.WriteLine("usage: AfterSales.Bench create|queue|timers|recompute|due|soak [--provider Sqlite|Postgres] [--seconds 20] [--clients 8] [--cases N] ... (see bench/README.md)");
    return 2;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args[1..]);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
return args[0] switch { "due" => DueBench.Run(options), "create" => await CreateBench.RunAsync(options), "queue" => await QueueBench.RunAsync(options), "recompute" => await RecomputeBench.RunAsync(options), "soak" => await SoakBench.RunAsync(options), _ => await TimerBench.RunAsync(options) };
