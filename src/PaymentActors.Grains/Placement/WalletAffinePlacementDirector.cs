using Orleans.Runtime;
using Orleans.Runtime.Placement;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Placement;

/// <summary>
/// Places a payment where <c>[HashBasedPlacement]</c> places its wallet (named in the request context by
/// <see cref="WalletAffinity"/>): the same hash of the wallet's grain id over the same sorted silos, so no directory
/// lookup is needed and every silo reaches the same answer. Without a wallet named, the payment's own id is hashed.
/// A wallet activated elsewhere (placed before a silo joined) only costs the saga its remote calls, as before.
/// </summary>
internal sealed class WalletAffinePlacementDirector(IGrainFactory grains) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return Task.FromResult(hint);
        }

        var key = target.RequestContextData is { Count: > 0 } data
            && data.TryGetValue(WalletAffinity.RequestContextKey, out var value)
            && value is string userId
                ? grains.GetGrain<IWalletGrain>(userId).GetGrainId()
                : target.GrainIdentity;

        // HashBasedPlacementDirector's own rule, so that a payment and its [HashBasedPlacement] wallet agree.
        var sorted = compatible.Order().ToArray();
        var hash = (int)(key.GetUniformHashCode() & 0x7fffffff);
        return Task.FromResult(sorted[hash % sorted.Length]);
    }
}
