using Orleans.Runtime;

namespace PaymentActors.Grains.Placement;

/// <summary>
/// Places a payment on the silo of its wallet (a wallet under <c>[HashBasedPlacement]</c>), so that the saga's calls to
/// the wallet (reserve, confirm, settle) stay inside one process instead of crossing to another silo.
/// <see cref="WalletAffinePlacementDirector"/> does it.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class WalletAffinePlacement : PlacementStrategy;
