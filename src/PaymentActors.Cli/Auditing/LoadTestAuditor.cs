namespace PaymentActors.Cli.Auditing;

/// <summary>
/// Checks a finished run against the invariants of a ledger, knowing only what was sent and what was observed:
/// one payment per idempotency key, every accepted payment terminal, no negative or inconsistent wallet reading,
/// and, per wallet, balance = deposits − Σ debited payments + Σ refunds to the last minor unit, nothing reserved.
/// Pure: same input, same verdict.
/// </summary>
public static class LoadTestAuditor
{
    public static AuditResult Audit(AuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new AuditPass(input).Run();
    }
}
