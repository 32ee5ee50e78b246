namespace PaymentActors.Payments;

public static class PaymentStatusNames
{
    /// <summary>The saga is over: the payment's money is settled one way or the other.</summary>
    public static bool IsTerminal(this PaymentStatus status) => status >= PaymentStatus.Completed;

    /// <summary>The money reached the merchant (possibly returned in part or in full since).</summary>
    public static bool WasCharged(this PaymentStatus status) =>
        status is PaymentStatus.Completed or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    /// <summary>The lower-case name the API and the events use.</summary>
    public static string ToWireName(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Reserved => "reserved",
        PaymentStatus.Processing => "processing",
        PaymentStatus.Completed => "completed",
        PaymentStatus.Failed => "failed",
        PaymentStatus.Cancelled => "cancelled",
        PaymentStatus.PartiallyRefunded => "partially_refunded",
        PaymentStatus.Refunded => "refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
