namespace PaymentActors.Api.Tests;

/// <summary>
/// Users get 5 requests a second with a burst of 5 (as <c>./run.sh -- --RateLimiting:PermitsPerSecond=5
/// --RateLimiting:Burst=5</c>), operators keep their own limits, and no <c>?wait=true</c> may hold a connection.
/// </summary>
public sealed class ThrottledApiFixture : ApiFixture
{
    public const int Burst = 5;

    protected override IEnumerable<string> Settings =>
    [
        $"--RateLimiting:PermitsPerSecond={Burst}",
        $"--RateLimiting:Burst={Burst}",
        "--RateLimiting:MaxConcurrentWaits=0",
    ];
}
