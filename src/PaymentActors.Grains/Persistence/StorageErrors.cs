using Azure;
using Orleans.Serialization;
using Orleans.Storage;

namespace PaymentActors.Grains.Persistence;

/// <summary>
/// Tells a storage error that the same request can never get past (deterministic: retrying only repeats it) from one
/// that may pass later (transient: a timeout, a throttle, an outage). A grain retries only the transient ones.
/// </summary>
/// <remarks>
/// Deterministic: the request itself is refused — HTTP 400 (e.g. EntityTooLarge, PropertyValueTooLarge, InvalidInput,
/// OutOfRangeInput) or 413 (RequestBodyTooLarge); an <see cref="ArgumentException"/> (Orleans's Azure Table provider
/// refuses a state over its size limit with <see cref="ArgumentOutOfRangeException"/> before sending it); a state that
/// cannot be serialized. Everything else is treated as transient: timeouts, 408, 429, 5xx, broken connections, and also
/// 401/403/404 (credentials or a table an operator can put right without the request changing). A concurrency conflict
/// (<see cref="InconsistentStateException"/>, 409, 412) is neither: the caller reloads instead of retrying.
/// </remarks>
public static class StorageErrors
{
    public static bool IsDeterministic(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var error = exception; error is not null; error = error.InnerException)
        {
            switch (error)
            {
                case InconsistentStateException:
                    return false;
                case RequestFailedException failed:
                    return failed.Status is 400 or 413;
                case ArgumentException or SerializerException:
                    return true;
            }
        }

        return false;
    }
}
