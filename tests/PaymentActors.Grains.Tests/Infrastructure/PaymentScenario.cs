using PaymentActors.Events;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>Small steps the tests share: fund a fresh wallet, create a payment, wait for its end.</summary>
public sealed class PaymentScenario(ClusterFixture fixture)
{
    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N")[..12];

    public IWalletGrain Wallet => fixture.Grains.GetGrain<IWalletGrain>(UserId);

    public async Task<WalletSnapshot> FundAsync(string amount, string currency = "USD")
    {
        var result = await Wallet.DepositAsync(EventIds.New("dep", DateTimeOffset.UtcNow), TestMoney.Of(amount, currency));
        Assert.Equal(DepositOutcome.Deposited, result.Outcome);
        return result.Wallet!;
    }

    public static string NewPaymentId() => EventIds.New("pay", DateTimeOffset.UtcNow);

    public PaymentRequest Request(string amount, string currency = "USD") =>
        new(UserId, "service-456", TestMoney.Of(amount, currency), "Pago de servicio");

    public async Task<string> StartPaymentAsync(string amount, string? paymentId = null)
    {
        paymentId ??= NewPaymentId();
        var created = await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).CreateAsync(Request(amount));
        Assert.Equal(CreatePaymentOutcome.Created, created.Outcome);
        return paymentId;
    }

    public Task<PaymentSnapshot> WaitForEndAsync(string paymentId) =>
        Eventually.UntilAsync(
            async () => (await fixture.Grains.GetGrain<IPaymentGrain>(paymentId).GetAsync())!,
            p => p.Status.IsTerminal(),
            $"payment {paymentId} to end");

    public async Task<PaymentSnapshot> PayAsync(string amount) => await WaitForEndAsync(await StartPaymentAsync(amount));

    public async Task<WalletSnapshot> WalletAsync() => (await Wallet.GetAsync())!;
}
