using System.Collections.Concurrent;
using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Tests;

/// <summary>
/// A grain call filter in the test silo that stands between a payment and one user's wallet: it can hold that
/// wallet's reservations until released (so a payment stays pending) or make them fail as an unreachable wallet
/// would (so a payment fails with the retryable wallet_unavailable). Other users' calls pass untouched.
/// </summary>
public sealed class WalletCallGate : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, HeldReservation> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unreachable = new(StringComparer.Ordinal);

    /// <summary>Holds the next reservations of <paramref name="userId"/> until the returned hold is released.</summary>
    public HeldReservation Hold(string userId) => _held.GetOrAdd(userId, _ => new HeldReservation());

    public void MakeUnreachable(string userId) => _unreachable[userId] = true;

    public void MakeReachable(string userId) => _unreachable.TryRemove(userId, out _);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // The saga reserves through the wallet's internal interface (the reservation carries the payment's request).
        if (context.Grain is IWalletGrain
            && context.InterfaceMethod.Name is nameof(IWalletGrain.ReserveAsync) or nameof(IWalletSettlementGrain.ReserveForPaymentAsync))
        {
            var userId = context.TargetContext.GrainId.Key.ToString()!;
            if (_unreachable.ContainsKey(userId))
            {
                throw new TimeoutException($"Wallet {userId} is unreachable (test gate).");
            }

            if (_held.TryGetValue(userId, out var hold))
            {
                await hold.WaitAsync();
            }
        }

        await context.Invoke();
    }
}
