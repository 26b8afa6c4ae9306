using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>Everything a service instance logs (message, structured values, scopes, exception), kept for inspection.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category} [{eventId}] {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (key, value) in values) text.Append($" | {key}={value}");
            sink._scopes.ForEachScope((scope, b) => b.Append($" | scope={scope}"), text);
            if (exception is not null) text.Append(" | ").Append(exception);
            sink._lines.Enqueue(text.ToString());
        }
    }
}
