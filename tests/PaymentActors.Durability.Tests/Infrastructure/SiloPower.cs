namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// The power supply of one silo, as far as storage can tell: once cut, nothing the silo sends to Azure Tables
/// arrives. An in-process kill takes a moment to tear the silo down and lets it say goodbye to the membership table;
/// cutting the power first makes the moment of the crash exact.
/// </summary>
public sealed class SiloPower
{
    private volatile bool _cut;

    public bool IsCut => _cut;

    public void Cut() => _cut = true;
}
