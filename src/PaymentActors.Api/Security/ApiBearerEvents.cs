using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;

namespace PaymentActors.Api.Security;

/// <summary>A missing or invalid token answers 401 <c>unauthorized</c> in the API's envelope, with <c>WWW-Authenticate: Bearer</c>.</summary>
public sealed class ApiBearerEvents : JwtBearerEvents
{
    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var invalid = context.AuthenticateFailure is not null;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        var message = invalid
            ? "The bearer token is invalid or has expired."
            : "This route needs a bearer token: send 'Authorization: Bearer <token>'.";
        return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message, HeaderNames.Authorization)
            .ExecuteAsync(context.HttpContext);
    }
}
