namespace PaymentActors.Cli.Auditing;

/// <summary>One broken invariant; <paramref name="Subject"/> names the wallet, payment or key.</summary>
public sealed record Violation(ViolationKind Kind, string Subject, string Message)
{
    public override string ToString() => $"{Kind} [{Subject}]: {Message}";
}
