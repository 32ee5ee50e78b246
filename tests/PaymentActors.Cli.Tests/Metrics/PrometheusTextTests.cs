using PaymentActors.Cli.Metrics;

namespace PaymentActors.Cli.Tests.Metrics;

public sealed class PrometheusTextTests
{
    private const string Exposition = """
        # HELP paymentactors_storage_writes_total Writes to storage.
        # TYPE paymentactors_storage_writes_total counter
        paymentactors_storage_writes_total{grain="wallet",provider="tables"} 1200
        paymentactors_storage_writes_total{grain="payment",provider="tables"} 3.4e+03 1712345678000
        paymentactors_storage_writes_total_created{grain="wallet"} 1.7e9
        paymentactors_events_total{event_type="payment.completed",partition="0"} 40
        paymentactors_events_total{event_type="payment.completed",partition="1"} 2
        paymentactors_events_total{event_type="payment.failed",partition="0"} 7
        paymentactors_odd_total{note="brace } and \"quote\""} 5
        process_cpu_seconds_total 12.5
        """;

    [Fact]
    public void Sums_a_counter_over_all_its_label_sets_ignoring_comments_timestamps_and_similar_names()
    {
        Assert.Equal(4600d, PrometheusText.Sum(Exposition, PrometheusSelector.Parse("paymentactors_storage_writes_total")));
    }

    [Fact]
    public void Label_matchers_select_a_subset()
    {
        var selector = PrometheusSelector.Parse("paymentactors_events_total{event_type=\"payment.completed\"}");

        Assert.Equal(42d, PrometheusText.Sum(Exposition, selector));
        Assert.Equal("paymentactors_events_total{event_type=\"payment.completed\"}", selector.ToString());
    }

    [Fact]
    public void Escaped_quotes_and_braces_inside_label_values_are_read()
    {
        Assert.Equal(5d, PrometheusText.Sum(Exposition, PrometheusSelector.Parse("paymentactors_odd_total{note=\"brace } and \\\"quote\\\"\"}")));
    }

    [Fact]
    public void A_metric_without_labels_is_read()
    {
        Assert.Equal(12.5d, PrometheusText.Sum(Exposition, PrometheusSelector.Parse("process_cpu_seconds_total")));
    }

    [Fact]
    public void A_missing_metric_or_label_value_gives_null()
    {
        Assert.Null(PrometheusText.Sum(Exposition, PrometheusSelector.Parse("paymentactors_storage_writes")));
        Assert.Null(PrometheusText.Sum(Exposition, PrometheusSelector.Parse("paymentactors_events_total{event_type=\"payment.refunded\"}")));
    }

    [Fact]
    public void A_selector_with_an_unclosed_brace_is_refused()
    {
        Assert.Throws<FormatException>(() => PrometheusSelector.Parse("paymentactors_events_total{event_type=\"x\""));
    }
}
