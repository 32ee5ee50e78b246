using Microsoft.Extensions.Logging;

namespace PaymentActors.Durability.Tests.Infrastructure;

public sealed class TestOutputLogger(ITestOutputHelper output, string category, SiloPower power) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // The payment actors' own warnings; Orleans's are many and expected around a kill, and say nothing the assertions do not.
    public bool IsEnabled(LogLevel logLevel) => !power.IsCut && logLevel >= LogLevel.Warning && category.StartsWith("PaymentActors.", StringComparison.Ordinal);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            output.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a silo still shutting down has no one left to tell.
        }
    }
}
