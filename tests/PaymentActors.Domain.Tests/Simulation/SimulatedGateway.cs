namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>
/// The payment gateway as the simulation models it: a charge per idempotency key (payment id and attempt), processed
/// once, answered the same way every time it is asked again; a refund (or a void) per refund id.
/// </summary>
internal sealed class SimulatedGateway
{
    public bool Down { get; set; }

    public Dictionary<string, SimulatedCharge> Charges { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<SimulatedCharge>> ChargesByPayment { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> RefundedByPayment { get; } = new(StringComparer.Ordinal);

    /// <summary>Refund verdicts by refund id (voids are not here: they live on their charge).</summary>
    public Dictionary<string, (string PaymentId, decimal Amount, bool Approved)> Refunds { get; } = new(StringComparer.Ordinal);

    /// <summary>Voids asked for a charge the gateway had not (yet) approved: one that lands later stands without its debit.</summary>
    public int VoidsOfUnknownCharges { get; set; }

    public decimal NetCharged(string paymentId) =>
        ChargesByPayment.TryGetValue(paymentId, out var charges) ? charges.Where(c => c.Verdict == true && !c.Voided).Sum(c => c.Amount) : 0m;

    public bool EverApproved(string paymentId) =>
        ChargesByPayment.TryGetValue(paymentId, out var charges) && charges.Any(c => c.Verdict == true);

    public decimal Refunded(string paymentId) => RefundedByPayment.GetValueOrDefault(paymentId);

    public void Add(string key, SimulatedCharge charge)
    {
        Charges[key] = charge;
        if (!ChargesByPayment.TryGetValue(charge.PaymentId, out var charges))
        {
            ChargesByPayment[charge.PaymentId] = charges = [];
        }

        charges.Add(charge);
    }

    public void AddRefund(string refundId, string paymentId, decimal amount, bool approved)
    {
        Refunds[refundId] = (paymentId, amount, approved);
        if (approved)
        {
            RefundedByPayment[paymentId] = Refunded(paymentId) + amount;
        }
    }

    public decimal Refundable(string paymentId) => NetCharged(paymentId) - Refunded(paymentId);
}

/// <param name="Verdict">Null while the request is being processed (it may still land), then approved or declined.</param>
internal sealed record SimulatedCharge(string PaymentId, int Attempt, decimal Amount)
{
    public bool? Verdict { get; set; }
    public bool Voided { get; set; }
}
