using Orleans.GrainDirectory;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Placement;

/// <summary>
/// The silo of the payment's wallet (named in the request context by <see cref="WalletAffinity"/>) when the wallet is
/// active somewhere compatible; otherwise the silo that places it, as <c>[PreferLocalPlacement]</c> does. The wallet's
/// address comes from this silo's directory cache, or from one directory lookup, which the payment's first call to
/// its wallet would have made anyway and which leaves the address cached for the next payment.
/// </summary>
internal sealed class WalletAffinePlacementDirector(IGrainLocator locator, IGrainFactory grains) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, compatible) is { } hint)
        {
            return hint;
        }

        if (target.RequestContextData is { Count: > 0 } data
            && data.TryGetValue(WalletAffinity.RequestContextKey, out var value)
            && value is string userId)
        {
            var wallet = grains.GetGrain<IWalletGrain>(userId).GetGrainId();
            var address = locator.TryLookupInCache(wallet, out var cached) ? cached : await locator.Lookup(wallet);
            if (address?.SiloAddress is { } walletSilo && Array.IndexOf(compatible, walletSilo) >= 0)
            {
                return walletSilo;
            }
        }

        if (context.LocalSiloStatus == SiloStatus.Active && Array.IndexOf(compatible, context.LocalSilo) >= 0)
        {
            return context.LocalSilo;
        }

        return compatible[Random.Shared.Next(compatible.Length)];
    }
}
