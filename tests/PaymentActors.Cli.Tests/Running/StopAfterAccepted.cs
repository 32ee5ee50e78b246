using PaymentActors.Cli.Running;

namespace PaymentActors.Cli.Tests.Running;

/// <summary>Asks the run to stop once enough payments were accepted, as Ctrl+C would.</summary>
internal sealed class StopAfterAccepted(long accepted, CancellationTokenSource stop) : IProgress<LoadTestProgress>
{
    public void Report(LoadTestProgress value)
    {
        if (value.Accepted >= accepted)
        {
            stop.Cancel();
        }
    }
}
