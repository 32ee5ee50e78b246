using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Identifiers;

/// <summary>
/// Grain references keyed by an id, formed only through <see cref="IdGrammar"/>: a key that another layer (the
/// gateway, the storage keys) would refuse or fold together never becomes a grain.
/// </summary>
public static class GrainKeys
{
    public static IWalletGrain GetWallet(this IGrainFactory grains, string userId) =>
        grains.GetGrain<IWalletGrain>(IdGrammar.Require(userId));

    public static IPaymentGrain GetPayment(this IGrainFactory grains, string paymentId) =>
        grains.GetGrain<IPaymentGrain>(IdGrammar.Require(paymentId));
}
