namespace PaymentActors.Payments;

/// <summary>
/// Tells the cluster that a grain id was minted by the caller a moment ago (a time-ordered random payment id from the
/// front door), so nothing can be stored under it and its activation need not read storage. The mark travels in
/// Orleans's request context, which the runtime restores before an activation reads its state.
/// </summary>
public static class MintedIds
{
    public const string RequestContextKey = "paymentactors.minted-id";

    /// <summary>Runs <paramref name="call"/> with <paramref name="id"/> marked as just minted.</summary>
    public static async Task<T> CallAsync<T>(string id, Func<Task<T>> call)
    {
        RequestContext.Set(RequestContextKey, id);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(RequestContextKey);
        }
    }

    /// <summary>True when the current call chain was started for the grain whose key is <paramref name="id"/>, just minted.</summary>
    public static bool IsMinted(string id) => RequestContext.Get(RequestContextKey) is string minted && minted == id;
}
