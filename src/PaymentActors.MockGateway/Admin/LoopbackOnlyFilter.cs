using System.Net;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Admin;

/// <summary>
/// The admin routes change how the gateway behaves for everyone, so by default only this machine may call them;
/// <c>Admin:AllowRemote=true</c> opens them (a test bench on another host).
/// </summary>
public sealed class LoopbackOnlyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string AllowRemoteKey = "Admin:AllowRemote";
    public const string Forbidden = "forbidden";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote) && !configuration.GetValue<bool>(AllowRemoteKey))
        {
            return ValueTask.FromResult<object?>(ApiResults.Error(
                StatusCodes.Status403Forbidden,
                new ErrorBody(Forbidden, $"The admin routes answer only loopback callers (set {AllowRemoteKey}=true to open them).", null)));
        }

        return next(context);
    }
}
