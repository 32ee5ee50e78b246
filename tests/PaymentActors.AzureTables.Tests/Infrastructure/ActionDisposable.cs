namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>Runs an action when disposed (a lifecycle subscription's unsubscribe).</summary>
internal sealed class ActionDisposable(Action onDispose) : IDisposable
{
    public void Dispose() => onDispose();
}
