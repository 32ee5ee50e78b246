using PaymentActors.Events;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Money;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("0", "USD", MoneyError.NotPositive)]
    [InlineData("-5.00", "USD", MoneyError.NotPositive)]
    [InlineData("10.001", "USD", MoneyError.TooManyDecimals)]
    [InlineData("10.5", "JPY", MoneyError.TooManyDecimals)]
    [InlineData("10.0001", "KWD", MoneyError.TooManyDecimals)]
    [InlineData("10.00", "XYZ", MoneyError.UnknownCurrency)]
    [InlineData("10.00", "usd", MoneyError.UnknownCurrency)]
    [InlineData("1000000000000.01", "USD", MoneyError.TooLarge)]
    public void Invalid_amounts_are_refused_with_a_reason(string amount, string currency, MoneyError expected)
    {
        var ok = Money.Money.TryCreate(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency, out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
        Assert.False(string.IsNullOrWhiteSpace(error.Describe(currency)));
    }

    [Theory]
    [InlineData("7", "USD", "7.00")]
    [InlineData("7.5", "EUR", "7.50")]
    [InlineData("1200", "JPY", "1200")]
    [InlineData("1.5", "KWD", "1.500")]
    public void Valid_amounts_are_shown_with_the_currency_decimals(string amount, string currency, string shown)
    {
        Assert.True(Money.Money.TryCreate(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency, out var money, out _));
        Assert.Equal(shown, money.ToString());
    }

    [Theory]
    [InlineData("0", "USD")]
    [InlineData("-1.00", "USD")]
    [InlineData("1.001", "USD")]
    [InlineData("1.00", "ABC")]
    public async Task Grains_refuse_invalid_money_and_change_nothing(string amount, string currency)
    {
        var scenario = new PaymentScenario(fixture);
        var before = await scenario.FundAsync("100.00");
        var invalid = new Money.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);
        var paymentId = PaymentScenario.NewPaymentId();

        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Wallet.DepositAsync("dep-bad", invalid));
        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Wallet.ReserveAsync(paymentId, invalid));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            fixture.Grains.GetGrain<IPaymentGrain>(paymentId).CreateAsync(new PaymentRequest(scenario.UserId, "service", invalid, null)));

        Assert.Equivalent(before, await scenario.WalletAsync(), strict: true);
        Assert.Null(await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).GetAsync());
    }

    [Fact]
    public async Task A_payment_in_another_currency_fails_with_currency_mismatch()
    {
        var scenario = new PaymentScenario(fixture);
        var before = await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();

        await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).CreateAsync(scenario.Request("10.00", "EUR"));
        var payment = await scenario.WaitForEndAsync(paymentId);
        var deposit = await scenario.Wallet.DepositAsync("dep-eur", TestMoney.Of("10.00", "EUR"));

        Assert.Equal(FailureReasons.CurrencyMismatch, payment.FailureReason);
        Assert.Equal(DepositOutcome.CurrencyMismatch, deposit.Outcome);
        Assert.Equivalent(before, await scenario.WalletAsync(), strict: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\u0001b")]
    public async Task Ids_that_are_empty_or_hold_control_characters_are_refused(string badId)
    {
        var scenario = new PaymentScenario(fixture);
        var before = await scenario.FundAsync("100.00");

        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Wallet.ReserveAsync(badId, TestMoney.Usd("1.00")));
        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Wallet.DepositAsync(new string('x', 256), TestMoney.Usd("1.00")));

        Assert.Equivalent(before, await scenario.WalletAsync(), strict: true);
    }
}
