using System.Security.Claims;

namespace PaymentActors.Api.Security;

/// <summary>Who is calling, read from the validated token.</summary>
public static class CallerExtensions
{
    /// <summary>The token's <c>sub</c>: the user id of a user, the acting principal of an operator.</summary>
    public static string? UserId(this ClaimsPrincipal caller) => caller.FindFirst(SecurityPolicies.SubjectClaim)?.Value;

    public static bool IsOperator(this ClaimsPrincipal caller) => caller.IsInRole(SecurityPolicies.OperatorRole);

    /// <summary>An operator acts for anyone; a user only for themself.</summary>
    public static bool MayActFor(this ClaimsPrincipal caller, string userId) =>
        caller.IsOperator() || string.Equals(caller.UserId(), userId, StringComparison.Ordinal);
}
