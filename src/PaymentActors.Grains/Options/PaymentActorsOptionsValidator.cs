using Microsoft.Extensions.Options;

namespace PaymentActors.Grains.Options;

/// <summary>Refuses settings that would break the invariants, at start-up rather than on the first payment.</summary>
public sealed class PaymentActorsOptionsValidator : IValidateOptions<PaymentActorsOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentActorsOptions options)
    {
        var failures = new List<string>();
        if (options.ReservationTtl <= TimeSpan.Zero) failures.Add("PaymentActors:ReservationTtl must be positive.");
        if (options.ExpiryCheckPeriod <= TimeSpan.Zero) failures.Add("PaymentActors:ExpiryCheckPeriod must be positive.");
        if (options.ClosedOperationRetention <= TimeSpan.Zero) failures.Add("PaymentActors:ClosedOperationRetention must be positive.");
        if (options.ClosedOperationCapacity is < 1 or > 4096) failures.Add("PaymentActors:ClosedOperationCapacity must be 1 to 4096.");
        if (options.MaxActiveReservations is < 1 or > 4096) failures.Add("PaymentActors:MaxActiveReservations must be 1 to 4096.");
        if (options.RecoveryCheckPeriod <= TimeSpan.Zero) failures.Add("PaymentActors:RecoveryCheckPeriod must be positive.");
        if (options.RecoveryGracePeriod < TimeSpan.Zero) failures.Add("PaymentActors:RecoveryGracePeriod must not be negative.");
        if (options.FailedEventRetention <= TimeSpan.Zero) failures.Add("PaymentActors:FailedEventRetention must be positive.");
        if (options.FailedEventPurgePeriod <= TimeSpan.Zero) failures.Add("PaymentActors:FailedEventPurgePeriod must be positive.");
        if (options.MaxRetries < 0) failures.Add("PaymentActors:MaxRetries must not be negative.");
        if (options.RetryBaseDelay < TimeSpan.Zero) failures.Add("PaymentActors:RetryBaseDelay must not be negative.");
        if (string.IsNullOrWhiteSpace(options.GatewayProvider)) failures.Add("PaymentActors:GatewayProvider is required.");
        var gateway = options.SimulatedGateway;
        if (gateway.FailureRate is < 0 or > 1) failures.Add("PaymentActors:SimulatedGateway:FailureRate must be between 0 and 1.");
        if (gateway.MinLatency < TimeSpan.Zero || gateway.MaxLatency < gateway.MinLatency)
            failures.Add("PaymentActors:SimulatedGateway latency needs 0 <= MinLatency <= MaxLatency.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
