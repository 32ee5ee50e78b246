namespace PaymentActors.Cli.Reporting;

/// <summary>
/// Payments by what became of them. <paramref name="Completed"/> counts every payment whose amount left the
/// wallet (completed, partially_refunded, refunded) as read after the drain.
/// </summary>
public sealed record PaymentTotals(
    long Sent,
    long Accepted,
    long Rejected,
    long Unresolved,
    long Completed,
    long Failed,
    long NotTerminal);
