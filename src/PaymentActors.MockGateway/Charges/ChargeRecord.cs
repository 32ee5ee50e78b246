namespace PaymentActors.MockGateway.Charges;

/// <summary>A charge the gateway processed. Only <see cref="RefundedAmount"/> changes, under the ledger's refund lock.</summary>
public sealed class ChargeRecord(ChargeCommand command, string chargeId, string? declineReason, DateTimeOffset createdAt)
{
    public ChargeCommand Command { get; } = command;

    public string ChargeId { get; } = chargeId;

    /// <summary>Null when approved.</summary>
    public string? DeclineReason { get; } = declineReason;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool Approved => DeclineReason is null;

    public decimal RefundedAmount { get; set; }
}
