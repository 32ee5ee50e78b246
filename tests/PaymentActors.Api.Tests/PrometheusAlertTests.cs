using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PaymentActors.Testing.Prometheus;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The shipped alert rules on a real Prometheus scraping the running system: a gateway outage makes the breaker and
/// failure-rate alerts fire, and its end makes them inactive again. The rules are deploy/prometheus/alerts.rules.yml
/// itself with only its durations shortened (every <c>for:</c> to 2 s, every 5-minute window to 10 s), so the test
/// runs the expressions an operator deploys; the real durations are covered by the promtool unit tests. It reads
/// /metrics, so it runs alone (see <see cref="ProcessWideMetricsCollection"/>): another app's disposal would drop series.
/// </summary>
[Collection(ProcessWideMetricsCollection.Name)]
public sealed partial class PrometheusAlertTests(PrometheusAlertFixture api) : IClassFixture<PrometheusAlertFixture>
{
    private const string BreakerAlert = "GatewayBreakerOpen";
    private const string FailureRateAlert = "PaymentFailureRateHigh";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_gateway_outage_fires_the_breaker_and_failure_rate_alerts_and_its_end_clears_them()
    {
        await using var prometheus = await PrometheusProcess.StartAsync(
            $$"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: [alerts.rules.yml]
            scrape_configs:
              - job_name: paymentactors-api
                static_configs:
                  - targets: ["127.0.0.1:{{api.ManagementPort}}"]
            """,
            new Dictionary<string, string> { ["alerts.rules.yml"] = ShortenedRules() });
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "100000.00"), HttpStatusCode.OK);

        // Some payments complete first, and Prometheus sees them: the exported names are the ones the rules use.
        await PayAsync(user, "completed");
        await Eventually.UntilAsync(
            () => prometheus.QueryAsync("sum(paymentactors_payment_success_total) + sum(paymentactors_payment_duration_seconds_count)"),
            values => values.Count == 1 && values[0] >= 2,
            "Prometheus to scrape a completed payment and its duration",
            Timeout,
            TimeSpan.FromMilliseconds(250));
        Assert.Equal([1d], await prometheus.QueryAsync("paymentactors_cluster_active_silos"));
        Assert.Single(await prometheus.QueryAsync("paymentactors_payments_unfinished_oldest_age_seconds"));
        Assert.Equal("inactive", (await prometheus.AlertStatesAsync())[BreakerAlert]);

        await SetOutageAsync(true);
        try
        {
            // Payments keep coming during the outage: each fails (gateway_unavailable) and keeps the breaker from closing.
            await Eventually.UntilAsync(
                async () =>
                {
                    await PayAsync(user, "failed");
                    return Describe(await prometheus.AlertStatesAsync());
                },
                states => states.Contains($"{BreakerAlert}=firing", StringComparison.Ordinal) && states.Contains($"{FailureRateAlert}=firing", StringComparison.Ordinal),
                "the breaker and failure-rate alerts to fire",
                Timeout,
                TimeSpan.FromMilliseconds(250));
            var waiting = await prometheus.QueryAsync("paymentactors_failed_events_waiting{retryable=\"true\"}");
            Assert.True(waiting.Count == 1 && waiting[0] >= 1, $"failed events waiting: {string.Join(", ", waiting)}");
        }
        finally
        {
            await SetOutageAsync(false);
        }

        // Payments complete again: a probe closes the breaker, and the failures leave the (shortened) window.
        await Eventually.UntilAsync(
            async () =>
            {
                await PayAsync(user, status: null);
                return Describe(await prometheus.AlertStatesAsync());
            },
            states => states.Contains($"{BreakerAlert}=inactive", StringComparison.Ordinal) && states.Contains($"{FailureRateAlert}=inactive", StringComparison.Ordinal),
            "the breaker and failure-rate alerts to become inactive",
            Timeout,
            TimeSpan.FromMilliseconds(250));
    }

    /// <summary>alerts.rules.yml with every hold at 2 s and every 5-minute window at 10 s; fails if either is missing.</summary>
    private static string ShortenedRules()
    {
        var rules = File.ReadAllText(Path.Combine(PrometheusProcess.DeployFolder, "alerts.rules.yml"), Encoding.UTF8);
        var holds = ForClause().Count(rules);
        var windows = FiveMinuteWindow().Count(rules);
        Assert.True(holds >= 6 && windows >= 3, $"alerts.rules.yml has {holds} for: clauses and {windows} [5m] windows");
        return FiveMinuteWindow().Replace(ForClause().Replace(rules, "for: 2s"), "[10s]");
    }

    /// <summary>"name=state" for every alert, so that a wait that times out says where each stood.</summary>
    private static string Describe(IReadOnlyDictionary<string, string> states) =>
        string.Join(", ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    private async Task PayAsync(string user, string? status)
    {
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);
        if (status is not null)
        {
            Assert.Equal(status, payment.Text("status"));
        }
    }

    private async Task SetOutageAsync(bool outage)
    {
        using var content = new StringContent($$"""{"outage": {{(outage ? "true" : "false")}}}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await api.Gateway.PostAsync("/admin/behaviour", content)).StatusCode);
    }

    [GeneratedRegex(@"(?<=^\s+)for: \S+", RegexOptions.Multiline)]
    private static partial Regex ForClause();

    [GeneratedRegex(@"\[5m\]")]
    private static partial Regex FiveMinuteWindow();
}
