using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaymentActors.Hosting.Repeats;

/// <summary>
/// Watches the cluster's active silos from the front door (the management grain's view, which gossip updates the
/// moment a silo is declared dead or leaves) and raises <see cref="SiloLossSignal"/> when one is gone. A lost gateway
/// connection only tells of silos the client was connected to; a call sent through a live gateway to a grain on the
/// dead silo would otherwise wait out its response timeout.
/// </summary>
public sealed partial class SiloDeathWatcher(IClusterClient client, SiloLossSignal losses, ILogger<SiloDeathWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HashSet<SiloAddress>? active = null;
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Period * 2, stoppingToken);
                var now = hosts.Keys.ToHashSet();
                if (active is not null && active.Any(silo => !now.Contains(silo)))
                {
                    LogSiloGone(logger, string.Join(", ", active.Where(silo => !now.Contains(silo))));
                    losses.Lost();
                }

                active = now;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The cluster is not answering (starting, or the management grain's silo is the one that died): look again.
                LogNotAnswering(logger, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silos} left the cluster; calls still out to it are repeated")]
    private static partial void LogSiloGone(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The cluster's silos could not be read ({Reason})")]
    private static partial void LogNotAnswering(ILogger logger, string reason);
}
