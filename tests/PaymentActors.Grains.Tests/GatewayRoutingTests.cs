using PaymentActors.Gateway;
using PaymentActors.Grains.Gateway;

namespace PaymentActors.Grains.Tests;

/// <summary>Routing is a pure function of the configured providers; so is what a gateway's answer proves.</summary>
public sealed class GatewayRoutingTests
{
    private static readonly GatewayProvider MockA = new("mock-a", [PaymentMethods.Card], [], 1);
    private static readonly GatewayProvider MockB = new("mock-b", [PaymentMethods.Card, PaymentMethods.PayPal], [], 2);
    private static readonly GatewayProvider EuroCards = new("euro", [PaymentMethods.Card], ["EUR"], 0);

    [Theory]
    [InlineData("card", "USD", "mock-a,mock-b")]
    [InlineData("card", "EUR", "euro,mock-a,mock-b")]
    [InlineData("paypal", "USD", "mock-b")]
    [InlineData("paypal", "EUR", "mock-b")]
    [InlineData("sepa", "EUR", "")]
    public void Route_IsTheProvidersServingTheMethodAndCurrency_ByPriority(string method, string currency, string expected)
    {
        var route = GatewayRouting.Route([MockB, EuroCards, MockA], method, currency);

        Assert.Equal(expected, string.Join(',', route));
    }

    [Fact]
    public void Route_BreaksPriorityTiesByName_AndTheDefaultIsTheFirstCardProvider()
    {
        var zed = new GatewayProvider("zed", [PaymentMethods.Card], [], 1);
        var payPalOnly = new GatewayProvider("pp", [PaymentMethods.PayPal], [], -5);

        Assert.Equal(["mock-a", "zed"], GatewayRouting.Route([zed, MockA], PaymentMethods.Card, "USD"));
        Assert.Equal("mock-a", GatewayRouting.DefaultOf([payPalOnly, zed, MockA]).Name);
        Assert.Equal("pp", GatewayRouting.DefaultOf([payPalOnly]).Name);
    }

    [Fact]
    public void Classify_OnlyAnExplicitNonChargeIsNotProcessed()
    {
        Assert.Equal(GatewayCallOutcome.Approved, GatewayGrain.Classify(GatewayResponse.Approved("ch_1")));
        Assert.Equal(GatewayCallOutcome.Declined, GatewayGrain.Classify(GatewayResponse.Declined("card_declined")));
        Assert.Equal(GatewayCallOutcome.NotProcessed, GatewayGrain.Classify(new GatewayResponse(GatewayStatus.CircuitOpen) { NotProcessed = true }));
        Assert.Equal(GatewayCallOutcome.NotProcessed, GatewayGrain.Classify(new GatewayResponse(GatewayStatus.Unavailable) { NotProcessed = true }));
        Assert.Equal(GatewayCallOutcome.Unknown, GatewayGrain.Classify(new GatewayResponse(GatewayStatus.Unavailable)));
        Assert.Equal(GatewayCallOutcome.Unknown, GatewayGrain.Classify(new GatewayResponse(GatewayStatus.Unknown, "timeout")));
    }
}
