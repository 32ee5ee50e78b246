using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace PaymentActors.Api.Security;

/// <summary>
/// The named authorization policies, all defined here; every endpoint declares one of them (or is anonymous), and a
/// route that declares nothing falls back to <see cref="User"/>, never to open.
/// </summary>
public static class SecurityPolicies
{
    /// <summary>Any authenticated caller: a user, who then acts only on what is theirs, or an operator.</summary>
    public const string User = "user";

    /// <summary>The back office or a trusted service: the <c>operator</c> role.</summary>
    public const string Operator = "operator";

    /// <summary>The dashboard and Prometheus metrics: an operator token, or any request on the loopback management listener.</summary>
    public const string Operations = "operations";

    /// <summary>The token claim that names the user; a user's wallet and payments are the ones with this user id.</summary>
    public const string SubjectClaim = "sub";

    public const string RoleClaim = "role";
    public const string OperatorRole = "operator";

    internal static void Configure(AuthorizationOptions options)
    {
        var user = Authenticated().Build();
        options.AddPolicy(User, user);
        options.AddPolicy(Operator, Authenticated().RequireRole(OperatorRole).Build());
        options.AddPolicy(Operations, new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .AddRequirements(new OperatorOrManagementRequirement())
            .Build());
        options.DefaultPolicy = user;
        options.FallbackPolicy = user;
    }

    private static AuthorizationPolicyBuilder Authenticated() =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireClaim(SubjectClaim);
}
