namespace PaymentActors.MockGateway.Authorizations;

public static class AuthorizationEndpoints
{
    /// <summary>The two-step payment: hold, then take all or part of it, or release it.</summary>
    public static RouteGroupBuilder MapAuthorizations(this RouteGroupBuilder api)
    {
        api.MapPost("/authorizations", (HttpContext context, AuthorizationHandler handler) => handler.AuthorizeAsync(context));
        api.MapGet("/authorizations/{authorizationId}", (string authorizationId, AuthorizationHandler handler, CancellationToken cancellationToken) =>
            handler.GetAuthorizationAsync(authorizationId, cancellationToken));
        api.MapPost("/authorizations/{authorizationId}/capture", (HttpContext context, string authorizationId, AuthorizationHandler handler) =>
            handler.CaptureAsync(context, authorizationId));
        api.MapPost("/authorizations/{authorizationId}/void", (HttpContext context, string authorizationId, AuthorizationHandler handler) =>
            handler.VoidAsync(context, authorizationId));
        return api;
    }
}
