namespace PaymentActors.Gateway;

/// <summary>
/// The payment providers, with an activation in every silo that calls it: a call goes from the payment grain to its own
/// silo's client of the provider (its own breaker), never through another silo. Calls run concurrently. The key is not
/// a provider: the payment uses <c>PaymentActors:GatewayProvider</c> ("mock"). Calls without a provider go to the default
/// provider (the first card provider by priority, <see cref="GatewayRouting.DefaultOf"/>); the <c>...AtAsync</c> calls
/// go to the provider they name and answer in the four outcomes of <see cref="GatewayCallOutcome"/>.
/// </summary>
[Alias("PaymentActors.IGatewayGrain")]
public interface IGatewayGrain : IGrainWithStringKey
{
    /// <summary>Charges at the default provider; idempotent by payment id and attempt.</summary>
    [Alias("ChargeAsync")]
    Task<ChargeResult> ChargeAsync(ChargeRequest request);

    /// <summary>Returns money charged at the default provider; approved or declined, with the gateway's reference.</summary>
    [Alias("RefundAsync")]
    Task<RefundReply> RefundAsync(RefundRequest request);

    /// <summary>The default provider's circuit breaker in the silo this call lands on; <see cref="IClusterGatewayGrain"/> gives every silo's.</summary>
    [Alias("GetHealthAsync")]
    Task<GatewayHealth> GetHealthAsync();

    /// <summary>The providers that serve <paramref name="paymentMethod"/> in <paramref name="currency"/>, in the order to try them; empty when none does.</summary>
    [Alias("GetRouteAsync")]
    Task<IReadOnlyList<string>> GetRouteAsync(string paymentMethod, string currency);

    /// <summary>Every configured provider, in routing order.</summary>
    [Alias("GetProvidersAsync")]
    Task<IReadOnlyList<GatewayProvider>> GetProvidersAsync();

    /// <summary>Charges at <paramref name="provider"/>; idempotent there by payment id and attempt. An unknown provider throws <see cref="ArgumentException"/>.</summary>
    [Alias("ChargeAtAsync")]
    Task<GatewayCallResult> ChargeAtAsync(string provider, ChargeRequest request);

    /// <summary>Authorizes (holds) at <paramref name="provider"/>; the reference is the authorization id its capture and void need.</summary>
    [Alias("AuthorizeAtAsync")]
    Task<GatewayCallResult> AuthorizeAtAsync(string provider, AuthorizeRequest request);

    /// <summary>Captures all or part of an authorization at the provider that holds it; idempotent by capture id.</summary>
    [Alias("CaptureAtAsync")]
    Task<GatewayCallResult> CaptureAtAsync(string provider, CaptureRequest request);

    /// <summary>Voids an authorization at the provider that holds it; idempotent.</summary>
    [Alias("VoidAtAsync")]
    Task<GatewayCallResult> VoidAtAsync(string provider, VoidAuthorizationRequest request);

    /// <summary>Refunds (part of) a charge or a capture at the provider that took it; idempotent by refund id.</summary>
    [Alias("RefundAtAsync")]
    Task<GatewayCallResult> RefundAtAsync(string provider, RefundRequest request);
}
