namespace PaymentActors.MockGateway.Http;

/// <summary><c>{"success":false,"error":{"code","message","field"}}</c>: the shape of every refused call.</summary>
public sealed record ErrorEnvelope(bool Success, ErrorBody Error)
{
    public static ErrorEnvelope Of(ErrorBody error) => new(false, error);
}
