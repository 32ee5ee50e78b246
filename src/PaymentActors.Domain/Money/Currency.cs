namespace PaymentActors.Money;

/// <summary>An ISO 4217 currency and the number of decimals its amounts may carry.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.Currency")]
public sealed record Currency([property: Id(0)] string Code, [property: Id(1)] int MinorUnits)
{
    public override string ToString() => Code;
}
