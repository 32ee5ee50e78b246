using Orleans.Concurrency;
using Orleans.Runtime;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Gateway;

/// <summary>Asks every active silo for its breaker, in parallel; a silo that does not answer within a second is left out.</summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class ClusterGatewayGrain(IClusterMembershipService membership, GatewayHealthServiceClient services) : Grain, IClusterGatewayGrain
{
    private static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<SiloGatewayHealth>> GetHealthAsync(string provider)
    {
        var silos = ActiveSilos();
        var answers = await Task.WhenAll(silos.Select(silo => AskAsync(silo, provider)));
        return [.. answers.OfType<SiloGatewayHealth>()];
    }

    public async Task<IReadOnlyList<SiloProviderReport>> GetProviderReportsAsync()
    {
        var answers = await Task.WhenAll(ActiveSilos().Select(ReportAsync));
        return answers.SelectMany(reports => reports).ToArray();
    }

    private List<SiloAddress> ActiveSilos() => membership.CurrentSnapshot.Members.Values
        .Where(member => member.Status == SiloStatus.Active)
        .Select(member => member.SiloAddress)
        .OrderBy(address => address.ToParsableString(), StringComparer.Ordinal)
        .ToList();

    private async Task<IReadOnlyList<SiloProviderReport>> ReportAsync(SiloAddress silo)
    {
        try
        {
            var reports = await services.On(silo).GetProviderReportsAsync().WaitAsync(SiloTimeout);
            return reports.Select(report => report with { Silo = silo.ToParsableString() }).ToArray();
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return [];
        }
    }

    private async Task<SiloGatewayHealth?> AskAsync(SiloAddress silo, string provider)
    {
        try
        {
            var health = await services.On(silo).GetHealthAsync(provider).WaitAsync(SiloTimeout);
            return new SiloGatewayHealth(silo.ToParsableString(), health);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            // A silo that is dying; membership will soon say so.
            return null;
        }
    }
}
