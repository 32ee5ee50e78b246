namespace PaymentActors.Cli.Auditing;

/// <summary>The verdict: violations fail the run; notes say what could not be checked and why.</summary>
public sealed record AuditResult(
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<string> Notes,
    IReadOnlyList<WalletAudit> Wallets,
    AuditCoverage Coverage)
{
    public bool Passed => Violations.Count == 0;

    public IReadOnlyDictionary<string, int> CountsByKind =>
        Violations.GroupBy(v => v.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());
}
