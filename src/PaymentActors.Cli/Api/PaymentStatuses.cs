namespace PaymentActors.Cli.Api;

/// <summary>The payment statuses of the contract, as the API spells them.</summary>
public static class PaymentStatuses
{
    public const string Pending = "pending";
    public const string Reserved = "reserved";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";

    /// <summary>A payment in one of these will not move by itself any more.</summary>
    public static bool IsTerminal(string? status) =>
        status is Completed or Failed or Cancelled or PartiallyRefunded or Refunded;

    /// <summary>The payment's amount left the wallet (refunds, if any, came back separately).</summary>
    public static bool IsDebited(string? status) => status is Completed or PartiallyRefunded or Refunded;
}
