using Orleans.Configuration;

namespace PaymentActors.Hosting;

/// <summary>
/// Failure detection tuned so that a silo killed on this kind of machine is declared dead in about 10 s (Orleans's
/// defaults take 30 s or more), without declaring a merely busy silo dead. Keys under <c>Orleans:Membership</c>
/// override any of these.
/// </summary>
public static class MembershipTiming
{
    public static void Apply(ClusterMembershipOptions options)
    {
        // Each silo probes the others every 2 s (default 5 s); three missed probes in a row make it suspect the silo.
        // Not 1 s: on a busy 2-core machine a live silo's answer can be a second late, and a silo voted dead kills itself.
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;

        // Two suspicions declare it dead (Orleans lowers this when fewer silos remain), so one confused silo cannot.
        options.NumVotesForDeathDeclaration = 2;

        // A silo writes "I am alive" every 10 s (default 30 s); a row stale for 3 periods marks a silo nobody probes any
        // more, so that a silo joining after a crash does not wait on it.
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.NumMissedTableIAmAliveLimit = 3;

        // Gossip spreads changes at once; this re-read (default 60 s) only catches what gossip missed.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
