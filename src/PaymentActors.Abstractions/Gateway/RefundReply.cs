namespace PaymentActors.Gateway;

/// <summary>The gateway's verdict on a refund, and its own reference for it when approved (a transaction's <c>gateway_transaction_id</c>).</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.RefundReply")]
public sealed record RefundReply(
    [property: Id(0)] bool Approved,
    [property: Id(1)] string? GatewayReference = null);
