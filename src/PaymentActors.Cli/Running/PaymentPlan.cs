namespace PaymentActors.Cli.Running;

/// <summary>The wallet and the action of one payment slot; <paramref name="FullRefund"/> only matters for refunds.</summary>
internal sealed record PaymentPlan(int WalletIndex, PaymentAction Action, bool FullRefund);
