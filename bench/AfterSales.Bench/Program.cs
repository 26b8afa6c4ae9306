using AfterSales.Bench;

return args[0] switch { "due" => DueBench.Run(options), "create" => await CreateBench.RunAsync(options), "queue" => await QueueBench.RunAsync(options), "recompute" => await RecomputeBench.RunAsync(options), _ => await TimerBench.RunAsync(options) };
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
return args[0] switch { "due" => DueBench.Run(options), "create" => await CreateBench.RunAsync(options), "queue" => await QueueBench.RunAsync(options), "recompute" => await RecomputeBench.RunAsync(options), _ => await TimerBench.RunAsync(options) };
