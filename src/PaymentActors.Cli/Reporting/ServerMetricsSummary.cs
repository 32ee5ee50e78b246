namespace PaymentActors.Cli.Reporting;

/// <summary>
/// The API's own counters read from /metrics before the load and after the drain. Deltas include any other
/// traffic the API served meanwhile. Null values: endpoint or metric not found.
/// </summary>
public sealed record ServerMetricsSummary(
    bool MetricsEndpointFound,
    string StorageWritesMetric,
    double? StorageWritesDelta,
    double? StorageWritesPerCompletedPayment,
    string CompletedPaymentsMetric,
    double? CompletedPaymentsDelta);
