using Orleans.Runtime;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// Asks every active silo's <see cref="ISiloFiguresService"/> in parallel and sums the answers. A silo that does not
/// answer within <see cref="SiloAnswerTimeout"/> (one that died and is not yet declared dead) is left out, so that a
/// summary never hangs. (A stateless worker sent with a placement hint would not do: Orleans caches where the first
/// one was placed, and later calls go there whatever their hint.)
/// </summary>
internal static class EverySilo
{
    public static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(2);

    public static async Task<T> SumAsync<T>(
        IClusterMembershipService membership, SiloFiguresServiceClient services, Func<ISiloFiguresService, Task<T>> ask, T empty, Func<T, T, T> merge)
    {
        var silos = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress);
        var answers = await Task.WhenAll(silos.Select(silo => OrEmptyAsync(ask(services.On(silo)), empty)));
        return answers.Aggregate(empty, merge);
    }

    private static async Task<T> OrEmptyAsync<T>(Task<T> answer, T empty)
    {
        try
        {
            return await answer.WaitAsync(SiloAnswerTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return empty;
        }
    }
}
