namespace PaymentActors.MockGateway.Authorizations;

/// <summary>Why a capture or a void was declined: business answers, final for that request.</summary>
public static class SettlementDeclineReasons
{
    public const string AuthorizationNotApproved = "authorization_not_approved";
    public const string AuthorizationVoided = "authorization_voided";
    public const string AuthorizationCaptured = "authorization_captured";
    public const string AuthorizationExpired = "authorization_expired";
    public const string ExceedsAuthorizedAmount = "exceeds_authorized_amount";
}
