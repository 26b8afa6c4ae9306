using System.Net.Http.Headers;

namespace AfterSales.Bench;

public static class Http
{
    /// <summary>One pooled client for all workers: a keep-alive connection per worker, no proxy, no cookies.</summary>
    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", ServiceProcess.ApiKey) },
    };
}
