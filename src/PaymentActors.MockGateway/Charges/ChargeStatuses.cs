namespace PaymentActors.MockGateway.Charges;

/// <summary>The outcome names of charges and refunds on the wire.</summary>
public static class ChargeStatuses
{
    public const string Approved = "approved";
    public const string Declined = "declined";

    /// <summary>A re-sent charge whose first request is still being processed: ask again.</summary>
    public const string Processing = "processing";
}
