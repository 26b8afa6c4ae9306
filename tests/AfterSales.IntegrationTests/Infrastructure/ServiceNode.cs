using AfterSales.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>One more running instance of the service over a fixture's database (<see cref="AfterSalesApp.StartNode"/>).</summary>
public sealed class ServiceNode(AfterSalesFactory factory, Api api) : IAsyncDisposable
{
    /// <summary>A client of this instance that sends the bootstrap key.</summary>
    public Api Api => api;

    /// <summary>A scope on this instance's container, to look at rows directly.</summary>
    public async Task<T> QueryAsync<T>(Func<AfterSalesDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AfterSalesDbContext>());
    }

    /// <summary>Stops the host the way a deployment does (hosted services stopped, connections returned).</summary>
    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
