using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PaymentActors.Api.Options;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Health;

/// <summary>
/// Ready when the co-hosted silo (if any) is active and a wallet grain answers a read, which needs the cluster to
/// place the grain and its storage to load the state. The probe wallet is only ever read, never written.
/// </summary>
public sealed class ClusterReadinessHealthCheck(
    IGrainFactory grains,
    IOptions<ApiOptions> options,
    IServiceProvider services) : IHealthCheck
{
    /// <summary>The user id whose wallet is read; reading a wallet changes nothing, so it may even be a real user's.</summary>
    public const string ProbeUserId = "__readiness_probe__";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Present only when the silo is co-hosted; a pure client relies on the grain call alone.
        var oracle = services.GetService<ISiloStatusOracle>();
        if (oracle is not null && oracle.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"The silo is {oracle.CurrentStatus}, not active.");
        }

        try
        {
            await grains.GetGrain<IWalletGrain>(ProbeUserId).GetAsync().WaitAsync(options.Value.ReadinessTimeout, cancellationToken);
            return HealthCheckResult.Healthy("The silo is active and a wallet grain answered.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("A wallet grain did not answer.", exception);
        }
    }
}
