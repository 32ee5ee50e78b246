using PaymentActors.Cli.Running;

namespace PaymentActors.Cli.Commands;

/// <summary>Keeps only the newest snapshot; the live view reads it at its own pace.</summary>
internal sealed class LatestProgress : IProgress<LoadTestProgress>
{
    private LoadTestProgress? _latest;

    public LoadTestProgress? Latest => Volatile.Read(ref _latest);

    public void Report(LoadTestProgress value) => Volatile.Write(ref _latest, value);
}
