using Orleans.Runtime;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>Runs lifecycle observers stage by stage, as a silo would, for providers tested without a silo.</summary>
internal sealed class ManualSiloLifecycle : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; } = int.MinValue;

    public int LowestStoppedStage { get; private set; } = int.MaxValue;

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add((stage, observer));
        return new ActionDisposable(() => _observers.Remove((stage, observer)));
    }

    public async Task StartAsync()
    {
        foreach (var group in _observers.GroupBy(entry => entry.Stage).OrderBy(group => group.Key))
        {
            await Task.WhenAll(group.Select(entry => entry.Observer.OnStart(CancellationToken.None)));
            HighestCompletedStage = group.Key;
        }
    }
}
