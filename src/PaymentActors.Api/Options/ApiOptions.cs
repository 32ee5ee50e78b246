namespace PaymentActors.Api.Options;

/// <summary>Behaviour of the HTTP front door; bound from configuration section "Api".</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The longest time <c>POST /payments?wait=true</c> waits for a terminal status. It must stay below Orleans's
    /// response timeout (30 s by default), or the grain call would time out before the wait ends.
    /// </summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body accepted, in bytes; the largest valid body is a few kilobytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long the readiness probe waits for a grain call before reporting the cluster unhealthy.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the front door counts the failed events waiting for an operator (a metric, for an alert).</summary>
    public TimeSpan FailedEventsGaugePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
