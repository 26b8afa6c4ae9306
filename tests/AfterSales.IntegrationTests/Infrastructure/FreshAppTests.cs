namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// A test class whose every test gets its own service and database, for tests that move the service's clock:
/// one manual clock per service, so an advance in one test would fire the steps another test left pending.
/// The derived class passes a new, uninitialized <see cref="AfterSalesApp"/> (e.g. with <see cref="ClockSettings.Manual"/>).
/// </summary>
public abstract class FreshAppTests(AfterSalesApp app) : ApiTests(app)
{
    public override async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}
