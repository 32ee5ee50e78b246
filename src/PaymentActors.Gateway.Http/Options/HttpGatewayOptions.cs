namespace PaymentActors.Gateway.Http.Options;

/// <summary>Where the payment gateway is and how hard to try it (configuration section <c>PaymentGateway</c>).</summary>
public sealed class HttpGatewayOptions
{
    public const string SectionName = "PaymentGateway";

    public const string DefaultBaseUrl = "http://127.0.0.1:5090";

    /// <summary>The provider's name when one is configured in code or by the single-provider settings.</summary>
    public const string DefaultProviderName = "mock";

    /// <summary>Absolute http(s) address of the gateway API.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>How long one attempt may take; an attempt cut off here may still have reached the gateway.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after the first attempt, for transient failures only (0 turns retrying off).</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First retry delay; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of any one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the ratio is judged at all.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails fast before letting one probe through.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
