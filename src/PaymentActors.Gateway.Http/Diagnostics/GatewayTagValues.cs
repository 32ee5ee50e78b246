using PaymentActors.Gateway.Http.Circuit;

namespace PaymentActors.Gateway.Http.Diagnostics;

/// <summary>Tag values of the adapter's metrics and the words of its logs.</summary>
internal static class GatewayTagValues
{
    public static string Of(GatewayOperation operation) => operation switch
    {
        GatewayOperation.GetCharge => "get_charge",
        GatewayOperation.Refund => "refund",
        GatewayOperation.Authorize => "authorize",
        GatewayOperation.Capture => "capture",
        GatewayOperation.Void => "void",
        _ => "charge",
    };

    public static string Of(GatewayStatus status) => status switch
    {
        GatewayStatus.Approved => "approved",
        GatewayStatus.Declined => "declined",
        GatewayStatus.NotFound => "not_found",
        GatewayStatus.Unavailable => "unavailable",
        GatewayStatus.CircuitOpen => "circuit_open",
        _ => "unknown",
    };

    public static string Of(GatewayCircuitStatus status) => status.ToWireName();
}
