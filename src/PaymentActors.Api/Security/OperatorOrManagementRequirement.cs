using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Security;

/// <summary>Met by an operator's token, or by a request that came in on the management listener (which binds loopback by default).</summary>
public sealed class OperatorOrManagementRequirement : AuthorizationHandler<OperatorOrManagementRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorOrManagementRequirement requirement)
    {
        if (context.User.IsOperator() && context.User.UserId() is not null)
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
                 && http.RequestServices.GetRequiredService<IOptions<ManagementOptions>>().Value.Ports.Contains(http.Connection.LocalPort))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
