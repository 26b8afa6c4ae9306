namespace AfterSales.Web.Modules.Demo;

public static class DemoSeeder
{
    public static Task SeedIfWantedAsync(IServiceProvider services) => Task.CompletedTask;
}
