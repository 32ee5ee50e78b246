using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Options;

/// <summary>Refuses settings the API cannot honour, at start-up rather than on the first request.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>Leaves head-room below Orleans's default 30 s response timeout.</summary>
    public static readonly TimeSpan MaxWaitTimeout = TimeSpan.FromSeconds(25);

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.WaitTimeout <= TimeSpan.Zero || options.WaitTimeout > MaxWaitTimeout)
        {
            failures.Add($"Api:WaitTimeout must be positive and at most {MaxWaitTimeout}.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Api:MaxRequestBodyBytes must be at least 1024.");
        }

        if (options.ReadinessTimeout <= TimeSpan.Zero)
        {
            failures.Add("Api:ReadinessTimeout must be positive.");
        }

        if (options.FailedEventsGaugePeriod <= TimeSpan.Zero)
        {
            failures.Add("Api:FailedEventsGaugePeriod must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
