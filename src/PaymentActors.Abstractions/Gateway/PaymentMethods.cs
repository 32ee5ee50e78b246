namespace PaymentActors.Gateway;

/// <summary>The payment methods a provider may serve (<c>PaymentGateway:Providers:&lt;name&gt;:Methods</c>).</summary>
public static class PaymentMethods
{
    public const string Card = "card";
    public const string PayPal = "paypal";

    // Arrays, here and in what grains return: a type every serializer knows, whatever a collection expression builds.
    public static IReadOnlyList<string> All { get; } = new[] { Card, PayPal };

    public static bool IsKnown(string? method) => method is Card or PayPal;
}
