namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// The base of every test class: the same tests run on each engine through a small derived class per engine
/// (<c>…_Sqlite</c>, <c>…_Postgres</c>) that supplies its <see cref="AfterSalesApp"/> fixture.
/// </summary>
public abstract class ApiTests(AfterSalesApp app) : IAsyncLifetime
{
    protected AfterSalesApp App => app;

    protected Api Api => app.Api;

    public virtual ValueTask InitializeAsync()
    {
        app.SkipIfUnavailable();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
