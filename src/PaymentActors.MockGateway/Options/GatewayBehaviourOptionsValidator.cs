using Microsoft.Extensions.Options;
using PaymentActors.MockGateway.Behaviour;

namespace PaymentActors.MockGateway.Options;

/// <summary>Refuses to start with a behaviour the admin endpoint would refuse too: one rule set for both.</summary>
public sealed class GatewayBehaviourOptionsValidator : IValidateOptions<GatewayBehaviourOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayBehaviourOptions options)
    {
        var violation = GatewayBehaviour.FromOptions(options, seed: 0).FindViolation();
        return violation is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{GatewayBehaviourOptions.SectionName}: {violation.Message}");
    }
}
