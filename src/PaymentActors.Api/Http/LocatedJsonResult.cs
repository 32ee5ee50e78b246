namespace PaymentActors.Api.Http;

/// <summary>A JSON body with a <c>Location</c> header, for 202 Accepted and 200 answers about a created resource.</summary>
public sealed class LocatedJsonResult<T>(T value, int statusCode, string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Location = location;
        return TypedResults.Json(value, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
