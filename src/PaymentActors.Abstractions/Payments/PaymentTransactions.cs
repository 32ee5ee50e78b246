using System.Globalization;
using PaymentActors.Events;

namespace PaymentActors.Payments;

/// <summary>A payment's transactions, read off its snapshot and event history; and a transaction id's payment.</summary>
public static class PaymentTransactions
{
    public const string Charge = "charge";
    public const string Refund = "refund";
    public const string Void = "void";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Pending = "pending";

    private const string Prefix = "txn.";

    /// <summary>
    /// Oldest first: one charge per gateway answer (an operator's retry may add one), a void, then the refunds: first those
    /// that gave back a charge approved after its payment had ended (they precede any customer refund, which needs a
    /// completed payment), then each customer refund, numbered on from them.
    /// </summary>
    public static IReadOnlyList<PaymentTransaction> Of(PaymentSnapshot payment, IReadOnlyList<PaymentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(events);
        var amount = payment.Request.Amount;
        var transactions = new List<PaymentTransaction>();
        var charges = 0;
        var refunds = 0;
        foreach (var e in events)
        {
            if (e.Type is EventTypes.GatewayApproved or EventTypes.GatewayRejected)
            {
                var approved = e.Type == EventTypes.GatewayApproved;
                transactions.Add(new PaymentTransaction(
                    IdOf(Charge, ++charges, payment.Id), payment.Id, Charge, amount.Amount, amount.Currency, approved ? Succeeded : Failed,
                    e.GatewayReference, approved ? null : e.Reason ?? FailureReasons.GatewayRejected, e.OccurredAt, e.OccurredAt));
            }
            else if (e.Type == EventTypes.ChargeRefunded)
            {
                transactions.Add(new PaymentTransaction(
                    IdOf(Refund, ++refunds, payment.Id), payment.Id, Refund, e.Amount, e.Currency, Succeeded, e.GatewayReference, null, e.OccurredAt, e.OccurredAt));
            }
            else if (e.Type == EventTypes.PaymentCancelled && charges == 0)
            {
                transactions.Add(new PaymentTransaction(
                    IdOf(Void, 1, payment.Id), payment.Id, Void, amount.Amount, amount.Currency, Succeeded, null, null, e.OccurredAt, e.OccurredAt));
            }
        }

        foreach (var refund in payment.Refunds ?? [])
        {
            var (status, processed) = refund.Status switch
            {
                RefundStatus.Succeeded => (Succeeded, (DateTimeOffset?)refund.CreatedAt),
                RefundStatus.Failed => (Failed, refund.CreatedAt),
                _ => (Pending, (DateTimeOffset?)null),
            };
            transactions.Add(new PaymentTransaction(
                IdOf(Refund, ++refunds, payment.Id), payment.Id, Refund, refund.Amount, amount.Currency, status, refund.GatewayReference,
                refund.Status == RefundStatus.Failed ? "refund_declined" : null, processed, refund.CreatedAt));
        }

        return transactions;
    }

    /// <summary>"txn.{type}.{n}.{payment id}": the payment id comes last, so it may hold any character.</summary>
    public static string IdOf(string type, int number, string paymentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{type}.{number}.{paymentId}");

    /// <summary>The payment a transaction id names, or false when it is not a transaction id.</summary>
    public static bool TryParsePaymentId(string transactionId, out string paymentId)
    {
        paymentId = "";
        if (transactionId is null || !transactionId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = transactionId[Prefix.Length..].Split('.', 3);
        if (parts.Length != 3 || parts[0] is not (Charge or Refund or Void) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) || parts[2].Length == 0)
        {
            return false;
        }

        paymentId = parts[2];
        return true;
    }
}
