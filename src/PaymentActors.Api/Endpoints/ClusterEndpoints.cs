using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;

namespace PaymentActors.Api.Endpoints;

/// <summary>The cluster's silos for operators: membership from the management grain, activations from each silo's statistics.</summary>
public static class ClusterEndpoints
{
    /// <summary>How long the activation counts may take; the membership alone is answered without them.</summary>
    private static readonly TimeSpan StatisticsTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cluster", GetAsync)
            .WithTags("Cluster")
            .WithName("GetCluster")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("List the cluster's silos")
            .WithDescription(
                "Operators only. Every silo in the membership table with its status (`active`, `joining`, `shutting_down`, `dead`), start time and " +
                "grain activations. A silo that stops answering is declared `dead` by the others within about 10–20 s; its grains " +
                "(and the payments they hold) are then activated on the remaining silos.")
            .Produces<ApiResponse<ClusterResponse>>();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var members = (await management.GetDetailedHosts(onlyActive: false))
            .Where(member => StatusName(member.Status) is not null)
            .ToList();
        var activations = await ActivationsAsync(management, [.. members.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)]);
        var silos = members
            .OrderBy(member => member.Status == SiloStatus.Active ? 0 : 1)
            .ThenByDescending(member => member.StartTime)
            .Select(member => new ClusterSiloResponse(
                member.SiloAddress.ToParsableString(),
                StatusName(member.Status)!,
                DateTime.SpecifyKind(member.StartTime, DateTimeKind.Utc),
                activations.TryGetValue(member.SiloAddress, out var count) ? count : null))
            .ToList();
        return ApiResults.Ok(new ClusterResponse(silos));
    }

    /// <summary>Activation counts of the active silos; none when one of them cannot answer in time (it is probably dying).</summary>
    private static async Task<Dictionary<SiloAddress, int>> ActivationsAsync(IManagementGrain management, SiloAddress[] active)
    {
        if (active.Length == 0)
        {
            return [];
        }

        try
        {
            var statistics = await management.GetRuntimeStatistics(active).WaitAsync(StatisticsTimeout);
            return active.Zip(statistics).ToDictionary(pair => pair.First, pair => pair.Second.ActivationCount);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return [];
        }
    }

    private static string? StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Created or SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown or SiloStatus.Stopping => "shutting_down",
        SiloStatus.Dead => "dead",
        _ => null,
    };
}
