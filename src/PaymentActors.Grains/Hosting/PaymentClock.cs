namespace PaymentActors.Grains.Hosting;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that business time (reservation expiry, event times, retry backoff)
/// is read from. It is separate from the silo's own clock so that tests can move business time by hand without
/// stopping Orleans's timers or expiring its messages.
/// </summary>
public static class PaymentClock
{
    public const string ServiceKey = "PaymentActors.Clock";
}
