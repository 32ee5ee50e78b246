using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Gateway.Http.Options;

namespace PaymentActors.MockGateway.Tests.Support;

/// <summary>The HTTP adapter as a host would wire it, pointed at a gateway address.</summary>
internal sealed class GatewayAdapterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public GatewayAdapterHarness(Uri gatewayAddress, Action<HttpGatewayOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddHttpPaymentGateway(options =>
        {
            options.BaseUrl = gatewayAddress.ToString();

            // Fast defaults for tests; each test tightens what it is about.
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _provider;

    public IPaymentGateway Gateway => _provider.GetRequiredService<IPaymentGateway>();

    public IGatewayCircuitState Circuit => _provider.GetRequiredService<IGatewayCircuitState>();

    public static ChargeRequest Charge(string paymentId, decimal amount = 100.50m, string currency = "USD") =>
        new(paymentId, "user-1", Money(amount, currency));

    public static RefundRequest Refund(string refundId, string paymentId, decimal amount, string currency = "USD") =>
        new(refundId, paymentId, Money(amount, currency));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static Money.Money Money(decimal amount, string currency) =>
        PaymentActors.Money.Money.TryCreate(amount, currency, out var money, out var error)
            ? money
            : throw new ArgumentException(error.ToString(), nameof(amount));
}
