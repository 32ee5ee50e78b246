using Orleans.Placement;

namespace PaymentActors.Grains.Placement;

/// <summary>Puts a grain class under <see cref="WalletAffinePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WalletAffinePlacementAttribute() : PlacementAttribute(new WalletAffinePlacement());
