using System.Globalization;

namespace PaymentActors.Grains.Tests.Infrastructure;

public static class TestMoney
{
    public static Money.Money Usd(string amount) => Of(amount, "USD");

    public static Money.Money Of(string amount, string currency) =>
        Money.Money.TryCreate(decimal.Parse(amount, CultureInfo.InvariantCulture), currency, out var money, out var error)
            ? money
            : throw new ArgumentException($"{amount} {currency}: {error}");
}
