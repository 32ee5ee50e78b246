using Microsoft.Extensions.Options;

namespace PaymentActors.Gateway.Http.Options;

/// <summary>Checks the options against Polly's own limits so a bad value fails at start, with the key named.</summary>
public sealed class HttpGatewayOptionsValidator : IValidateOptions<HttpGatewayOptions>
{
    private static readonly TimeSpan MinimumAttemptTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, HttpGatewayOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"BaseUrl must be an absolute http or https address; got '{options.BaseUrl}'.");
        }

        if (options.AttemptTimeout < MinimumAttemptTimeout || options.AttemptTimeout > Day)
        {
            failures.Add("AttemptTimeout must be between 10 ms and 1 day.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > Day)
        {
            failures.Add("RetryBaseDelay must be between 0 and 1 day.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay || options.RetryMaxDelay > Day)
        {
            failures.Add("RetryMaxDelay must be at least RetryBaseDelay and at most 1 day.");
        }

        if (options.BreakerFailureRatio is not (> 0 and <= 1))
        {
            failures.Add("BreakerFailureRatio must be greater than 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add("BreakerMinimumThroughput must be at least 2.");
        }

        if (options.BreakerSamplingDuration < MinimumBreakerWindow || options.BreakerSamplingDuration > Day)
        {
            failures.Add("BreakerSamplingDuration must be between 500 ms and 1 day.");
        }

        if (options.BreakerBreakDuration < MinimumBreakerWindow || options.BreakerBreakDuration > Day)
        {
            failures.Add("BreakerBreakDuration must be between 500 ms and 1 day.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"{HttpGatewayOptions.SectionName}: {f}"));
    }
}
