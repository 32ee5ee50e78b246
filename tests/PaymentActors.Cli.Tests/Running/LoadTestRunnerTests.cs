using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;
using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;
using PaymentActors.Cli.Running;
using PaymentActors.Cli.Tests.FakeApi;

namespace PaymentActors.Cli.Tests.Running;

/// <summary>The runner and the auditor end to end, against the fake API on loopback Kestrel.</summary>
public sealed class LoadTestRunnerTests
{
    // A generous bound on each whole run; the runs take well under a second each.
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_hot_wallet_run_in_wait_mode_passes_the_audit()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 120, deposit: 100.00m);

        var report = await RunAsync(api, options);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(120, report.Payments.Sent);
        Assert.Equal(120, report.Payments.Accepted);
        Assert.Equal(0, report.Payments.NotTerminal);
        Assert.Equal(120, report.Payments.Completed + report.Payments.Failed);
        Assert.InRange(report.Payments.Completed, 1, 100);
        Assert.Contains("gateway_rejected", report.FailureReasons.Keys);
        Assert.Contains("insufficient_funds", report.FailureReasons.Keys);
        Assert.Equal(120, report.SubmitLatency.Count);
        Assert.True(report.SettleLatency.P99Ms >= report.SettleLatency.P50Ms);
        var wallet = Assert.Single(report.Audit.Wallets);
        Assert.Equal(100.00m - report.Payments.Completed * 1.00m, wallet.Balance);
        Assert.Equal(wallet.Balance, wallet.ExpectedBalance);
        Assert.Equal(0m, wallet.Reserved);
        Assert.True(report.Audit.Coverage.WalletReadings > 0);
    }

    [Fact]
    public async Task The_server_counters_are_read_as_deltas_per_completed_payment()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 30, deposit: 1000.00m);

        var report = await RunAsync(api, options);

        Assert.True(report.Server.MetricsEndpointFound);
        Assert.Equal(report.Payments.Completed, report.Server.CompletedPaymentsDelta);
        // The fake writes once per payment created and once per status or wallet change: several writes each.
        Assert.NotNull(report.Server.StorageWritesDelta);
        Assert.Equal(report.Server.StorageWritesDelta / report.Payments.Completed, report.Server.StorageWritesPerCompletedPayment);
        Assert.True(report.Server.StorageWritesPerCompletedPayment > 3);
    }

    [Fact]
    public async Task Against_a_front_door_in_client_mode_the_counters_come_from_the_cluster_wide_summary()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour { ClientMode = true });
        var options = Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 30, deposit: 1000.00m);

        var report = await RunAsync(api, options);

        Assert.True(report.Server.MetricsEndpointFound);
        Assert.Equal("/metrics/summary payment_success", report.Server.CompletedPaymentsMetric);
        Assert.Equal(report.Payments.Completed, report.Server.CompletedPaymentsDelta);
        Assert.NotNull(report.Server.StorageWritesDelta);
        Assert.True(report.Server.StorageWritesPerCompletedPayment > 3);
    }

    [Fact]
    public async Task A_spread_run_in_poll_mode_passes_the_audit_on_every_wallet()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.Spread, CompletionMode.Poll, payments: 100, deposit: 40.00m);
        options.Wallets = 4;

        var report = await RunAsync(api, options);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(4, report.Audit.Coverage.WalletsBalanceChecked);
        Assert.Equal(100, report.Payments.Accepted);
        Assert.True(report.Throughput.AcceptedPerSecond > 0);
        Assert.True(report.Throughput.CompletedPerSecond > 0);
    }

    [Fact]
    public async Task A_mixed_run_exercises_replays_key_reuse_refunds_and_cancels_and_passes()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour { SupportsRefunds = true, SupportsCancel = true });
        var options = Options(api, LoadTestScenario.Mixed, CompletionMode.Wait, payments: 200, deposit: 100.00m);

        var report = await RunAsync(api, options);

        Assert.True(report.Passed, Describe(report));
        var activity = report.Activity;
        Assert.True(activity.ReplaysSent > 0);
        Assert.Equal(activity.ReplaysSent, activity.ReplaysMatched);
        Assert.True(activity.KeyReuseProbes > 0);
        Assert.Equal(activity.KeyReuseProbes, activity.KeyReuseRefused);
        Assert.True(activity.ConcurrentDuplicates > 0);
        Assert.True(activity.TopUps > 0);
        Assert.Equal(FeatureSupport.Supported, activity.Refunds);
        Assert.True(activity.RefundsConfirmed > 0);
        Assert.Equal(FeatureSupport.Supported, activity.Cancel);
        Assert.True(activity.CancelsConfirmed + activity.CancelsRefused > 0);
        Assert.Equal(200, report.Payments.Sent);
        Assert.True(report.Audit.Wallets.Sum(w => w.Refunded) > 0);
    }

    [Fact]
    public async Task A_mixed_run_skips_refunds_and_cancels_when_the_routes_are_missing()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.Mixed, CompletionMode.Poll, payments: 150, deposit: 100.00m);

        var report = await RunAsync(api, options);

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(FeatureSupport.Missing, report.Activity.Refunds);
        Assert.Equal(FeatureSupport.Missing, report.Activity.Cancel);
        Assert.Equal(0, report.Activity.RefundsConfirmed + report.Activity.RefundsRefused);
    }

    [Fact]
    public async Task An_api_that_debits_twice_fails_the_audit_with_a_balance_mismatch()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour { DoubleDebit = true });
        var options = Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 20, deposit: 1000.00m);

        var report = await RunAsync(api, options);

        Assert.False(report.Passed);
        var mismatch = Assert.Single(report.Audit.Violations, v => v.Kind == ViolationKind.BalanceMismatch);
        Assert.Equal(report.Audit.Wallets.Single().UserId, mismatch.Subject);
        var wallet = report.Audit.Wallets.Single();
        Assert.Equal(wallet.Debited, wallet.ExpectedBalance - wallet.Balance);
    }

    [Fact]
    public async Task Two_runs_against_one_api_do_not_collide()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());

        var first = await RunAsync(api, Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 20, deposit: 100.00m));
        var second = await RunAsync(api, Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 20, deposit: 100.00m));

        Assert.True(first.Passed, Describe(first));
        Assert.True(second.Passed, Describe(second));
        Assert.NotEqual(first.RunId, second.RunId);
    }

    [Fact]
    public async Task A_duration_run_stops_by_itself()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.Spread, CompletionMode.Wait, payments: null, deposit: 10_000.00m);
        options.Duration = TimeSpan.FromMilliseconds(300);

        var report = await RunAsync(api, options);

        Assert.True(report.Passed, Describe(report));
        Assert.True(report.Payments.Sent > 0);
        Assert.InRange(report.LoadSeconds, 0.3, RunLimit.TotalSeconds);
    }

    [Fact]
    public async Task Cancelling_stops_sending_but_still_drains_and_audits()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var options = Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: LoadTestOptions.MaxPayments, deposit: 100_000.00m);
        using var stop = new CancellationTokenSource();
        var progress = new StopAfterAccepted(50, stop);

        using var client = new HttpClient();
        var report = await LoadTestRunner.RunAsync(options, client, progress, stop.Token).WaitAsync(RunLimit);

        Assert.True(report.Interrupted);
        Assert.True(report.Passed, Describe(report));
        Assert.InRange(report.Payments.Sent, 50, LoadTestOptions.MaxPayments - 1);
        Assert.Equal(0, report.Payments.NotTerminal);
    }

    [Fact]
    public async Task The_report_serialises_with_amounts_as_strings()
    {
        await using var api = await FakePaymentApi.StartAsync(new FakeApiBehaviour());
        var report = await RunAsync(api, Options(api, LoadTestScenario.HotWallet, CompletionMode.Wait, payments: 5, deposit: 10.00m));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, LoadTestJson.ReportOptions));

        var root = json.RootElement;
        Assert.Equal("hot-wallet", root.GetProperty("scenario").GetString());
        Assert.Equal("10.00", root.GetProperty("deposit").GetString());
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.String, root.GetProperty("audit").GetProperty("wallets")[0].GetProperty("balance").ValueKind);
        Assert.Equal(5, root.GetProperty("payments").GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task An_unreachable_api_fails_the_setup()
    {
        var options = new LoadTestOptions { BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/"), Payments = 1, SubmitRetries = 1 };
        using var client = new HttpClient();

        var failure = await Assert.ThrowsAsync<LoadTestSetupException>(() => LoadTestRunner.RunAsync(options, client).WaitAsync(RunLimit));

        Assert.Contains("no answer", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_outside_this_machine_is_refused_before_any_request()
    {
        using var client = new HttpClient();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            LoadTestRunner.RunAsync(new LoadTestOptions { BaseAddress = new Uri("http://192.168.1.10:5080/") }, client));
    }

    private static LoadTestOptions Options(FakePaymentApi api, LoadTestScenario scenario, CompletionMode mode, int? payments, decimal deposit) => new()
    {
        BaseAddress = api.BaseAddress,
        Scenario = scenario,
        Mode = mode,
        Payments = payments,
        Deposit = deposit,
        Amount = 1.00m,
        Concurrency = 8,
        Seed = 1234,
        PollInterval = TimeSpan.FromMilliseconds(2),
        SampleInterval = TimeSpan.FromMilliseconds(5),
        DrainTimeout = TimeSpan.FromSeconds(20),
    };

    private static async Task<LoadTestReport> RunAsync(FakePaymentApi api, LoadTestOptions options)
    {
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        return await LoadTestRunner.RunAsync(options, client).WaitAsync(RunLimit);
    }

    private static string Describe(LoadTestReport report) =>
        string.Join(Environment.NewLine, report.Audit.Violations.Select(v => v.ToString()).Concat(report.Audit.Notes));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
