using PaymentActors.Cli.Options;

namespace PaymentActors.Cli.Running;

/// <summary>
/// Decides each payment slot's wallet and action from the seed and the slot number alone, so that a seed gives
/// the same plan whichever client happens to take the slot.
/// </summary>
internal sealed class ScenarioPlanner(LoadTestScenario scenario, int wallets, int seed)
{
    // Mixed scenario weights, out of 100.
    private static readonly (PaymentAction Action, int Weight)[] MixedWeights =
    [
        (PaymentAction.Plain, 47),
        (PaymentAction.Order, 8),
        (PaymentAction.Replay, 10),
        (PaymentAction.ConcurrentDuplicate, 5),
        (PaymentAction.KeyReuse, 5),
        (PaymentAction.TopUp, 5),
        (PaymentAction.Refund, 12),
        (PaymentAction.Cancel, 8),
    ];

    public PaymentPlan Plan(long slot)
    {
        if (scenario == LoadTestScenario.HotWallet)
        {
            return new PaymentPlan(0, PaymentAction.Plain, FullRefund: false);
        }

        var random = new Random(Mix(seed, slot));
        var wallet = random.Next(wallets);
        if (scenario == LoadTestScenario.Spread)
        {
            return new PaymentPlan(wallet, PaymentAction.Plain, FullRefund: false);
        }

        var roll = random.Next(100);
        var action = PaymentAction.Plain;
        foreach (var (candidate, weight) in MixedWeights)
        {
            if (roll < weight)
            {
                action = candidate;
                break;
            }

            roll -= weight;
        }

        return new PaymentPlan(wallet, action, FullRefund: random.Next(2) == 0);
    }

    /// <summary>SplitMix64 finaliser: neighbouring slots get unrelated seeds.</summary>
    private static int Mix(int seed, long slot)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)slot) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }
}
