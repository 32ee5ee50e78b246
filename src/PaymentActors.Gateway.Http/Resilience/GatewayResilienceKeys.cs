using Polly;

namespace PaymentActors.Gateway.Http.Resilience;

internal static class GatewayResilienceKeys
{
    /// <summary>Set when a retried attempt may have been processed: from then on "not processed" can't be claimed.</summary>
    public static readonly ResiliencePropertyKey<bool> EarlierAttemptUnanswered = new("PaymentActors.Gateway.EarlierAttemptUnanswered");

    /// <summary>Set when a retried attempt failed in a way that does not prove it was not processed (a plain 503, a timeout).</summary>
    public static readonly ResiliencePropertyKey<bool> EarlierAttemptUnproven = new("PaymentActors.Gateway.EarlierAttemptUnproven");

    /// <summary>The operation's metric tag, for the retry counter.</summary>
    public static readonly ResiliencePropertyKey<string> Operation = new("PaymentActors.Gateway.Operation");
}
