namespace PaymentActors.Grains.Recovery;

[GenerateSerializer, Alias("PaymentActors.RecoveryState")]
public sealed class RecoveryState
{
    /// <summary>Payment id → when it was tracked.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> InFlight { get; set; } = [];
}
