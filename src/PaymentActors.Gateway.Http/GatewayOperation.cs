namespace PaymentActors.Gateway.Http;

/// <summary>The calls the adapter makes; the names are the <c>operation</c> tag of its metrics.</summary>
internal enum GatewayOperation
{
    Charge,
    GetCharge,
    Refund,
    Authorize,
    Capture,
    Void,
}
