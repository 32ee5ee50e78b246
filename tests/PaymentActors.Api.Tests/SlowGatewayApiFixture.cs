namespace PaymentActors.Api.Tests;

/// <summary>
/// A gateway that takes 3 s and a 1 s wait limit: payments stay in flight long enough to see their
/// reservation, and <c>?wait=true</c> gives up before the outcome.
/// </summary>
public sealed class SlowGatewayApiFixture : ApiFixture
{
    public static readonly TimeSpan GatewayLatency = TimeSpan.FromSeconds(3);

    protected override IEnumerable<string> Settings =>
    [
        $"--PaymentActors:SimulatedGateway:MinLatency={GatewayLatency}",
        $"--PaymentActors:SimulatedGateway:MaxLatency={GatewayLatency}",
        "--Api:WaitTimeout=00:00:01",
    ];
}
