using Microsoft.Extensions.Logging;

namespace PaymentActors.Grains.Wallets;

internal static partial class WalletLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Reservation of payment {PaymentId} on wallet {UserId} expired")]
    public static partial void ReservationExpired(ILogger logger, string userId, string paymentId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Write of wallet {UserId} failed; the operations of the batch fail and the wallet returns to its last durable state")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Wallet {UserId} could not resume stalled payment {PaymentId}; its next reminder tries again")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, string userId, string paymentId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Wallet {UserId} wrote sequence {Sequence} with {Entries} ledger entries")]
    public static partial void Wrote(ILogger logger, string userId, long sequence, int entries);
}
