namespace PaymentActors.MockGateway.Authorizations;

/// <summary>Where an authorization stands (<c>state</c> on the wire); <c>status</c> stays the verdict on the request.</summary>
public static class AuthorizationStates
{
    public const string Authorized = "authorized";
    public const string Captured = "captured";
    public const string Voided = "voided";
    public const string Expired = "expired";
    public const string Declined = "declined";
}
