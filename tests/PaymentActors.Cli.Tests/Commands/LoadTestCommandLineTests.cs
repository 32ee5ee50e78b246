using System.CommandLine;
using PaymentActors.Cli.Commands;
using PaymentActors.Cli.Options;

namespace PaymentActors.Cli.Tests.Commands;

public sealed class LoadTestCommandLineTests
{
    [Fact]
    public async Task Every_option_reaches_the_run_options()
    {
        LoadTestOptions? bound = null;
        FileInfo? reportFile = null;
        var root = new LoadTestCommandLine().Build((options, report, _) =>
        {
            bound = options;
            reportFile = report;
            return Task.FromResult(7);
        });

        var exitCode = await root.Parse(
        [
            "spread", "--url", "http://localhost:6001", "-c", "4", "-n", "50", "--duration", "1500ms", "--amount", "2.50",
            "--deposit", "75", "--currency", "EUR", "--mode", "poll", "--seed", "9", "-k", "3", "--run-id", "ci-run",
            "--report", "out.json", "--storage-metric", "writes_total", "--completed-metric", "done_total{kind=\"x\"}", "--drain-timeout", "2m",
        ]).InvokeAsync();

        Assert.Equal(7, exitCode);
        Assert.NotNull(bound);
        Assert.Equal(LoadTestScenario.Spread, bound.Scenario);
        Assert.Equal(new Uri("http://localhost:6001/"), bound.BaseAddress);
        Assert.Equal(4, bound.Concurrency);
        Assert.Equal(50, bound.Payments);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), bound.Duration);
        Assert.Equal(2.50m, bound.Amount);
        Assert.Equal(75m, bound.Deposit);
        Assert.Equal("EUR", bound.Currency);
        Assert.Equal(CompletionMode.Poll, bound.Mode);
        Assert.Equal(9, bound.Seed);
        Assert.Equal(3, bound.Wallets);
        Assert.Equal("ci-run", bound.RunId);
        Assert.Equal("writes_total", bound.StorageWritesMetric);
        Assert.Equal("done_total{kind=\"x\"}", bound.CompletedPaymentsMetric);
        Assert.Equal(TimeSpan.FromMinutes(2), bound.DrainTimeout);
        Assert.Equal("out.json", reportFile?.Name);
    }

    [Fact]
    public async Task Defaults_make_a_short_hot_wallet_run_against_the_local_api()
    {
        LoadTestOptions? bound = null;
        var root = new LoadTestCommandLine().Build((options, _, _) =>
        {
            bound = options;
            return Task.FromResult(0);
        });

        await root.Parse(["hot-wallet"]).InvokeAsync();

        Assert.NotNull(bound);
        Assert.Equal(LoadTestScenario.HotWallet, bound.Scenario);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), bound.BaseAddress);
        Assert.Equal(1000, bound.EffectivePayments);
        Assert.Equal(1, bound.EffectiveWallets);
        Assert.Equal(CompletionMode.Wait, bound.Mode);
        Assert.Empty(LoadTestOptionsValidator.Validate(bound));
    }

    [Theory]
    [InlineData("--amount", "1,50")]
    [InlineData("--duration", "soon")]
    [InlineData("--mode", "fast")]
    public async Task A_malformed_value_is_refused_before_anything_runs(string option, string value)
    {
        var ran = false;
        var root = new LoadTestCommandLine().Build((_, _, _) =>
        {
            ran = true;
            return Task.FromResult(0);
        });
        var output = new StringWriter();

        var exitCode = await root.Parse(["mixed", option, value]).InvokeAsync(new InvocationConfiguration { Error = output, Output = output });

        Assert.NotEqual(0, exitCode);
        Assert.False(ran);
    }

    [Theory]
    [InlineData("http://10.0.0.5:5080/")]
    [InlineData("http://example.com/")]
    public void A_target_outside_this_machine_is_refused(string url)
    {
        var failures = LoadTestOptionsValidator.Validate(new LoadTestOptions { BaseAddress = new Uri(url) });

        Assert.Contains(failures, failure => failure.Contains("loopback", StringComparison.Ordinal));
    }
}
