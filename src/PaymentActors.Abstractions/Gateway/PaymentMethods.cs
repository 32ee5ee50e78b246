namespace PaymentActors.Gateway;

/// <summary>The payment methods a provider may serve (<c>PaymentGateway:Providers:&lt;name&gt;:Methods</c>).</summary>
public static class PaymentMethods
{
    public const string Card = "card";
    public const string PayPal = "paypal";

    public static IReadOnlyList<string> All { get; } = [Card, PayPal];

    public static bool IsKnown(string? method) => method is Card or PayPal;
}
