namespace PaymentActors.Gateway;

/// <summary>
/// The cluster's view of the gateway from every silo's breaker. Payments fail fast only where a silo's breaker is
/// open, so the cluster is open only when every silo's is; otherwise it is closed if any silo's is closed (payments
/// flow there), else half_open. Counts add up; open_until, while open, is the first moment a probe is let through.
/// </summary>
public static class GatewayHealthSummary
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "half_open";
    public const string Isolated = "isolated";

    public static GatewayHealth Combine(string provider, IReadOnlyList<GatewayHealth> silos)
    {
        if (silos.Count == 0)
        {
            throw new ArgumentException("At least one silo's breaker is needed.", nameof(silos));
        }

        var state = OverallState(silos.Select(s => s.State));
        return new GatewayHealth(
            provider,
            state,
            silos.Sum(s => s.RecentFailures),
            silos.Sum(s => s.RecentSuccesses),
            silos.Max(s => s.Window),
            silos.Sum(s => s.TotalFailures),
            silos.Sum(s => s.TotalSuccesses),
            silos.Sum(s => s.RejectedCalls),
            silos.Sum(s => s.TimesOpened),
            silos.Max(s => s.LastOpenedAt),
            state == Open ? silos.Min(s => s.OpenUntil) : null,
            silos.Max(s => s.LastClosedAt));
    }

    public static string OverallState(IEnumerable<string> states)
    {
        var all = states.ToList();
        if (all.Count > 0 && all.All(IsRefusing))
        {
            return all.All(s => s == Isolated) ? Isolated : Open;
        }

        return all.Contains(Closed) ? Closed : HalfOpen;
    }

    /// <summary>Open and isolated breakers both refuse calls without reaching the gateway.</summary>
    private static bool IsRefusing(string state) => state is Open or Isolated;
}
