using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;

namespace PaymentActors.Api.Security;

/// <summary>A caller whose token is valid but whose role does not allow the route gets 403 <c>forbidden</c> in the envelope.</summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            return Forbidden("This route is for operators.").ExecuteAsync(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public static IResult Forbidden(string message, string? field = null) =>
        ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, message, field);
}
