namespace PaymentActors.Payments;

/// <summary>
/// Names the wallet a payment pays from in Orleans's request context while the caller creates the payment, so that a
/// silo placing the new payment can put it beside its wallet (PaymentActors.Grains.Placement.WalletAffinePlacement).
/// </summary>
public static class WalletAffinity
{
    public const string RequestContextKey = "paymentactors.wallet";

    /// <summary>Runs <paramref name="call"/> with <paramref name="userId"/> named as the wallet of the payment it creates.</summary>
    public static async Task<T> CallAsync<T>(string userId, Func<Task<T>> call)
    {
        RequestContext.Set(RequestContextKey, userId);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(RequestContextKey);
        }
    }
}
