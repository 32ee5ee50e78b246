namespace PaymentActors.MockGateway.Http;

/// <summary>A request body read as JSON: the value, or the error answer to send instead.</summary>
public readonly record struct BodyRead<T>(T? Value, IResult? Error)
    where T : class;
