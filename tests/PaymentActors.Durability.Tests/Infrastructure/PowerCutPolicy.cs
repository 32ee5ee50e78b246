using Azure.Core;
using Azure.Core.Pipeline;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>Fails every Azure Tables request of a silo whose power is cut, before it leaves (and before the SDK's retries).</summary>
public sealed class PowerCutPolicy(SiloPower power) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        if (power.IsCut)
        {
            throw new IOException("The silo has lost power: the request never left.");
        }
    }
}
