using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>A request body read by <see cref="JsonBodyReader"/>: the value, or the error to answer with.</summary>
public readonly record struct JsonBody<T>(T? Value, ApiError? Error)
    where T : class;
