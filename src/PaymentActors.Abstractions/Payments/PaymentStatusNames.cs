namespace PaymentActors.Payments;

public static class PaymentStatusNames
{
    public static bool IsTerminal(this PaymentStatus status) => status is PaymentStatus.Completed or PaymentStatus.Failed;

    /// <summary>The lower-case name the API and the events use.</summary>
    public static string ToWireName(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "pending",
        PaymentStatus.Reserved => "reserved",
        PaymentStatus.Processing => "processing",
        PaymentStatus.Completed => "completed",
        PaymentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
