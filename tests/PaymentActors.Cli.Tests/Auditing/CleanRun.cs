using PaymentActors.Cli.Auditing;

namespace PaymentActors.Cli.Tests.Auditing;

/// <summary>
/// A small run whose books balance: wallet w1 gets 100.00, pays 10.00 (completed, replayed once), 20.00 (completed,
/// 5.00 refunded), 30.00 (gateway_rejected) and 1.00 (cancelled); one key is refused as reused; wallet w2 gets
/// 50.00 and pays nothing. Final: w1 = 100 − 10 − 20 + 5 = 75.00. Each test breaks one thing.
/// </summary>
internal static class CleanRun
{
    public const string Wallet = "run-w0000";
    public const string IdleWallet = "run-w0001";

    public static AuditInput Input { get; } = new()
    {
        WalletUserIds = [Wallet, IdleWallet],
        Deposits =
        [
            new SentDeposit(Wallet, "run-fund-0", 100.00m, "USD", OperationOutcome.Confirmed),
            new SentDeposit(IdleWallet, "run-fund-1", 50.00m, "USD", OperationOutcome.Confirmed),
        ],
        Payments =
        [
            Payment("run-pay-1", 10.00m,
                new SubmitResponse(SubmitKind.Original, 10.00m, 202, "p1", false, null),
                new SubmitResponse(SubmitKind.Replay, 10.00m, 202, "p1", true, null)),
            Payment("run-pay-2", 20.00m, new SubmitResponse(SubmitKind.Original, 20.00m, 200, "p2", false, null)),
            Payment("run-pay-3", 30.00m,
                new SubmitResponse(SubmitKind.Original, 30.00m, 0, null, false, null),
                new SubmitResponse(SubmitKind.Retry, 30.00m, 202, "p3", true, null)),
            Payment("run-pay-4", 1.00m,
                new SubmitResponse(SubmitKind.Original, 1.00m, 202, "p4", false, null),
                new SubmitResponse(SubmitKind.DifferentBody, 1.01m, 422, null, false, "idempotency_key_reused")),
            Payment("run-pay-5", 0.001m, new SubmitResponse(SubmitKind.Original, 0.001m, 400, null, false, "invalid_amount")),
        ],
        Refunds = [new SentRefund("p2", 5.00m, OperationOutcome.Confirmed)],
        Cancels = [new SentCancel("p4", OperationOutcome.Confirmed)],
        WalletSamples =
        [
            Reading(Wallet, 100.00m, 0m, 1, ObservationSource.DepositResponse, 0.01),
            Reading(Wallet, 100.00m, 10.00m, 2, ObservationSource.Sampler, 0.05),
            Reading(Wallet, 90.00m, 20.00m, 4, ObservationSource.Sampler, 0.10),
            Reading(IdleWallet, 50.00m, 0m, 1, ObservationSource.Sampler, 0.15),
        ],
        FinalWallets =
        [
            Reading(Wallet, 75.00m, 0m, 9, ObservationSource.Final, 1.0),
            Reading(IdleWallet, 50.00m, 0m, 1, ObservationSource.Final, 1.0),
        ],
        FinalPayments =
        [
            new PaymentObservation("p1", Wallet, "completed", 10.00m, "USD", null, 0m),
            new PaymentObservation("p2", Wallet, "partially_refunded", 20.00m, "USD", null, 5.00m),
            new PaymentObservation("p3", Wallet, "failed", 30.00m, "USD", "gateway_rejected", 0m),
            new PaymentObservation("p4", Wallet, "cancelled", 1.00m, "USD", null, 0m),
        ],
    };

    public static SentPayment Payment(string key, decimal amount, params SubmitResponse[] responses) =>
        new(key, Wallet, amount, "USD", responses);

    public static WalletObservation Reading(string userId, decimal balance, decimal reserved, long version, ObservationSource source, double seconds) =>
        new(userId, balance, reserved, balance - reserved, version, source, TimeSpan.FromSeconds(seconds));

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T replacement) =>
        items.Select(item => match(item) ? replacement : item).ToList();
}
