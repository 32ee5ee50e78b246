using System.Collections.Concurrent;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// Counts the calls that have reached each grain, by grain and method, so that a test can hold storage until every call
/// it sent is inside the grain, rather than racing the messages still in transit.
/// </summary>
public sealed class ArrivedCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), int> _arrived = new();

    public int Of(GrainId grain, string method) => _arrived.GetValueOrDefault((grain, method));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        _arrived.AddOrUpdate((context.TargetId, context.InterfaceMethod.Name), 1, (_, n) => n + 1);
        return context.Invoke();
    }
}
