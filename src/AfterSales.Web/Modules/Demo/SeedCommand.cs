namespace AfterSales.Web.Modules.Demo;

public static class SeedCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
