using PaymentActors.Events;

namespace PaymentActors.Payments.Decider;

/// <summary>Why a payment failed (or was cancelled), as the decider knows it: typed, never read back from a reason string.</summary>
[GenerateSerializer, Alias("PaymentActors.FailureCause")]
public enum FailureCause
{
    InsufficientFunds = 0,
    WalletNotFound = 1,
    CurrencyMismatch = 2,
    TooManyReservations = 3,
    GatewayRejected = 4,
    GatewayUnavailable = 5,
    WalletUnavailable = 6,
    ReservationExpired = 7,
    Cancelled = 8,
}

public static class FailureCauses
{
    /// <summary>The reason the API, the events and the metrics show.</summary>
    public static string ToReason(this FailureCause cause) => cause switch
    {
        FailureCause.InsufficientFunds => FailureReasons.InsufficientFunds,
        FailureCause.WalletNotFound => FailureReasons.WalletNotFound,
        FailureCause.CurrencyMismatch => FailureReasons.CurrencyMismatch,
        FailureCause.TooManyReservations => FailureReasons.TooManyReservations,
        FailureCause.GatewayRejected => FailureReasons.GatewayRejected,
        FailureCause.GatewayUnavailable => FailureReasons.GatewayUnavailable,
        FailureCause.WalletUnavailable => FailureReasons.WalletUnavailable,
        FailureCause.ReservationExpired => FailureReasons.ReservationExpired,
        FailureCause.Cancelled => FailureReasons.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    /// <summary>Technical failures may succeed when re-driven by an operator; business outcomes never will.</summary>
    public static bool IsRetryable(this FailureCause cause) => cause is FailureCause.GatewayUnavailable or FailureCause.WalletUnavailable;
}
