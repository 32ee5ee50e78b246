using Microsoft.Extensions.Logging;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// Sends a silo's warnings and errors to the test's output, where a failed run can be read. A crashed silo falls
/// silent: what its leftover tasks complain about in the test process is no part of the story.
/// </summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output, SiloPower power) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, categoryName, power);

    public void Dispose()
    {
    }
}
