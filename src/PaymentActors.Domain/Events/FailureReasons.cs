namespace PaymentActors.Events;

/// <summary>Why a payment failed, as the API and the metrics name it.</summary>
public static class FailureReasons
{
    public const string InsufficientFunds = "insufficient_funds";
    public const string WalletNotFound = "wallet_not_found";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string GatewayRejected = "gateway_rejected";
    public const string GatewayUnavailable = "gateway_unavailable";
    public const string ReservationExpired = "reservation_expired";
    public const string WalletUnavailable = "wallet_unavailable";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";
    public const string TooManyReservations = "too_many_reservations";

    /// <summary>Technical failures may succeed when re-driven; business outcomes (declines, no funds) never will.</summary>
    public static bool IsRetryable(string? reason) => reason is GatewayUnavailable or WalletUnavailable;
}
