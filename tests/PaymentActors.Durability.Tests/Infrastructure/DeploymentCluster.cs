using Orleans.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>One running incarnation of a <see cref="Deployment"/>: its in-process silos and the client that calls them.</summary>
public sealed class DeploymentCluster(TestCluster cluster) : IAsyncDisposable
{
    private bool _stopped;

    public IClusterClient Client => cluster.Client;

    public IReadOnlyList<SiloHandle> Silos => cluster.Silos;

    public static IServiceProvider ServicesOf(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    /// <summary>
    /// Crashes a silo: its power is cut (from this instant nothing it sends to Azure Tables arrives, so no step of a
    /// saga becomes durable any more), then TestCluster kills it (stops it with a cancelled token and disposes it).
    /// </summary>
    public async Task CrashSiloAsync(SiloHandle silo)
    {
        ServicesOf(silo).GetRequiredService<SiloPower>().Cut();
        await cluster.KillSiloAsync(silo);
    }

    /// <summary>
    /// Starts another silo, which joins the cluster through the membership table, and waits until the client has found
    /// it as a gateway: the client re-reads the table on its own period, and until then it knows only dead gateways.
    /// </summary>
    public async Task<SiloHandle> StartSiloAsync()
    {
        var silo = await cluster.StartAdditionalSiloAsync(startAdditionalSiloOnNewPort: true);
        await Eventually.UntilAsync(ClientReachesClusterAsync, reached => reached, "the client to find a live gateway", TimeSpan.FromSeconds(30));
        return silo;
    }

    /// <summary>Stops the client and every silo gracefully: the whole cluster goes away, the tables stay.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await cluster.StopAllSilosAsync();
        }
    }

    private async Task<bool> ClientReachesClusterAsync()
    {
        try
        {
            return (await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count > 0;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
