using PaymentActors.Cli.Auditing;
using static PaymentActors.Cli.Tests.Auditing.CleanRun;

namespace PaymentActors.Cli.Tests.Auditing;

public sealed class LoadTestAuditorTests
{
    [Fact]
    public void A_clean_run_passes_and_checks_every_wallet()
    {
        var result = LoadTestAuditor.Audit(Input);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Violations));
        Assert.Empty(result.Notes);
        Assert.Equal(new AuditCoverage(5, 4, 6, 2, 2), result.Coverage);
        var wallet = Assert.Single(result.Wallets, w => w.UserId == Wallet);
        Assert.Equal(new WalletAudit(Wallet, 100.00m, 30.00m, 5.00m, 75.00m, 75.00m, 0m, 75.00m), wallet);
    }

    [Fact]
    public void A_balance_off_by_one_cent_fails_with_balance_mismatch()
    {
        var input = Input with
        {
            FinalWallets = Replace(Input.FinalWallets, w => w.UserId == Wallet, Reading(Wallet, 74.99m, 0m, 9, ObservationSource.Final, 1.0)),
        };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.BalanceMismatch, violation.Kind);
        Assert.Equal(Wallet, violation.Subject);
        Assert.Contains("off by -0.01", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_left_non_terminal_fails_and_its_wallet_is_not_balanced()
    {
        var input = Input with
        {
            FinalPayments = Replace(Input.FinalPayments, p => p.PaymentId == "p1", new PaymentObservation("p1", Wallet, "processing", 10.00m, "USD", null, null)),
            FinalWallets = Replace(Input.FinalWallets, w => w.UserId == Wallet, Reading(Wallet, 85.00m, 10.00m, 9, ObservationSource.Final, 1.0)),
        };

        var result = LoadTestAuditor.Audit(input);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.PaymentNotTerminal, violation.Kind);
        Assert.Equal("p1", violation.Subject);
        Assert.Contains(result.Notes, note => note.StartsWith(Wallet, StringComparison.Ordinal));
        Assert.Null(result.Wallets.Single(w => w.UserId == Wallet).ExpectedBalance);
    }

    [Fact]
    public void One_key_answered_with_two_payment_ids_fails_with_idempotency_violation()
    {
        var input = Input with
        {
            Payments = Replace(Input.Payments, p => p.IdempotencyKey == "run-pay-1", Payment("run-pay-1", 10.00m,
                new SubmitResponse(SubmitKind.Original, 10.00m, 202, "p1", false, null),
                new SubmitResponse(SubmitKind.Replay, 10.00m, 202, "p1-bis", false, null))),
            FinalPayments = [.. Input.FinalPayments, new PaymentObservation("p1-bis", Wallet, "failed", 10.00m, "USD", "insufficient_funds", null)],
        };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.IdempotencyKeyMultiplePayments, violation.Kind);
        Assert.Equal("run-pay-1", violation.Subject);
        Assert.Contains("p1-bis", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_available_reading_fails_once_per_wallet_with_its_count()
    {
        var input = Input with
        {
            WalletSamples =
            [
                .. Input.WalletSamples,
                new WalletObservation(Wallet, 5.00m, 10.00m, -5.00m, 5, ObservationSource.Sampler, TimeSpan.FromSeconds(0.2)),
                new WalletObservation(Wallet, 4.00m, 10.00m, -6.00m, 6, ObservationSource.Sampler, TimeSpan.FromSeconds(0.3)),
            ],
        };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.NegativeAvailable, violation.Kind);
        Assert.Equal(Wallet, violation.Subject);
        Assert.Contains("2 reading(s)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_reused_with_another_amount_and_accepted_fails()
    {
        var input = Input with
        {
            Payments = Replace(Input.Payments, p => p.IdempotencyKey == "run-pay-4", Payment("run-pay-4", 1.00m,
                new SubmitResponse(SubmitKind.Original, 1.00m, 202, "p4", false, null),
                new SubmitResponse(SubmitKind.DifferentBody, 1.01m, 202, "p4", true, null))),
        };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.KeyReuseAccepted, violation.Kind);
    }

    [Fact]
    public void A_repeated_request_answered_as_new_fails_with_replay_not_marked()
    {
        var input = Input with
        {
            Payments = Replace(Input.Payments, p => p.IdempotencyKey == "run-pay-1", Payment("run-pay-1", 10.00m,
                new SubmitResponse(SubmitKind.Original, 10.00m, 202, "p1", false, null),
                new SubmitResponse(SubmitKind.Replay, 10.00m, 202, "p1", false, null))),
        };

        Assert.Equal(ViolationKind.ReplayNotMarked, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_key_without_any_definitive_answer_is_unresolved_and_blocks_the_balance_check()
    {
        var input = Input with
        {
            Payments = [.. Input.Payments, Payment("run-pay-6", 2.00m, new SubmitResponse(SubmitKind.Original, 2.00m, 0, null, false, null),
                new SubmitResponse(SubmitKind.Retry, 2.00m, 409, null, false, "idempotency_key_in_use"))],
        };

        var result = LoadTestAuditor.Audit(input);

        Assert.Equal(ViolationKind.PaymentUnresolved, Assert.Single(result.Violations).Kind);
        Assert.Equal(1, result.Coverage.WalletsBalanceChecked);
    }

    [Fact]
    public void Funds_still_reserved_after_the_drain_fail()
    {
        var input = Input with
        {
            FinalWallets = Replace(Input.FinalWallets, w => w.UserId == Wallet, Reading(Wallet, 75.00m, 1.00m, 9, ObservationSource.Final, 1.0)),
        };

        Assert.Equal(ViolationKind.ReservedNotZero, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_refunded_amount_that_disagrees_with_confirmed_refunds_fails()
    {
        var input = Input with
        {
            FinalPayments = Replace(Input.FinalPayments, p => p.PaymentId == "p2", new PaymentObservation("p2", Wallet, "partially_refunded", 20.00m, "USD", null, 6.00m)),
        };

        Assert.Equal(ViolationKind.RefundMismatch, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_full_refund_without_amount_gives_back_the_whole_payment()
    {
        var input = Input with
        {
            Refunds = [new SentRefund("p2", null, OperationOutcome.Confirmed)],
            FinalPayments = Replace(Input.FinalPayments, p => p.PaymentId == "p2", new PaymentObservation("p2", Wallet, "refunded", 20.00m, "USD", null, 20.00m)),
            FinalWallets = Replace(Input.FinalWallets, w => w.UserId == Wallet, Reading(Wallet, 90.00m, 0m, 9, ObservationSource.Final, 1.0)),
        };

        var result = LoadTestAuditor.Audit(input);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Violations));
    }

    [Fact]
    public void A_confirmed_cancel_on_a_completed_payment_fails()
    {
        var input = Input with { Cancels = [new SentCancel("p1", OperationOutcome.Confirmed), .. Input.Cancels] };

        Assert.Equal(ViolationKind.CancelNotApplied, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_wallet_version_going_backwards_in_request_order_fails()
    {
        var input = Input with
        {
            WalletSamples = [.. Input.WalletSamples, Reading(Wallet, 90.00m, 20.00m, 3, ObservationSource.Sampler, 0.2)],
        };

        Assert.Equal(ViolationKind.VersionWentBackwards, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void Available_that_is_not_balance_minus_reserved_fails()
    {
        var input = Input with
        {
            WalletSamples = [.. Input.WalletSamples, new WalletObservation(Wallet, 90.00m, 20.00m, 80.00m, 4, ObservationSource.Sampler, TimeSpan.FromSeconds(0.2))],
        };

        Assert.Equal(ViolationKind.AvailableMismatch, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_payment_that_differs_from_its_request_fails()
    {
        var input = Input with
        {
            FinalPayments = Replace(Input.FinalPayments, p => p.PaymentId == "p3", new PaymentObservation("p3", Wallet, "failed", 3.00m, "USD", "gateway_rejected", 0m)),
        };

        Assert.Equal(ViolationKind.PaymentMismatch, Assert.Single(LoadTestAuditor.Audit(input).Violations).Kind);
    }

    [Fact]
    public void A_wallet_that_cannot_be_read_at_the_end_fails()
    {
        var input = Input with { FinalWallets = Input.FinalWallets.Where(w => w.UserId != IdleWallet).ToList() };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.WalletNotObserved, violation.Kind);
        Assert.Equal(IdleWallet, violation.Subject);
    }
}
