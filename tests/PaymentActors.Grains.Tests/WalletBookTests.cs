using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// The wallet's book: every change is one ledger entry, and the snapshot holds only what may still be asked about
/// (active reservations, closed reservations of unsettled payments), never the wallet's history.
/// </summary>
public sealed class WalletBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Money.Money Ten = new(10.00m, "USD");
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);

    [Fact]
    public void A_settled_reservation_is_forgotten_and_leaves_the_snapshot()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-dep");
        Assert.True(book.TryReserve("pay-1", 0, 4.00m, Now, Ttl, "evt-res", out var reservation));
        book.CloseReservation(reservation, ReservationStatus.Confirmed, Now, "evt-ded");

        Assert.True(book.ForgetSettledReservation("pay-1"));

        Assert.Null(book.FindClosed("pay-1"));
        Assert.Empty(book.TakeCommit().State.ClosedOperations);
        Assert.Equal(6.00m, book.Balance);
    }

    [Fact]
    public void Deposits_stay_out_of_the_snapshot_and_are_found_in_memory_until_they_are_durable()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-dep");
        Assert.True(book.TryReserve("pay-1", 0, 4.00m, Now, Ttl, "evt-res", out _));

        Assert.False(book.ForgetSettledReservation("dep-1"));
        Assert.False(book.ForgetSettledReservation("pay-1"));

        var (state, entries) = book.TakeCommit();
        Assert.Empty(state.ClosedOperations);
        Assert.Single(state.Reservations);
        Assert.Equal("dep-1", book.FindRecentOperation("dep-1")!.DepositId);
        Assert.Equal([LedgerEntryTypes.Deposit, LedgerEntryTypes.Reserve], entries.Select(e => e.Type));
        Assert.Empty(book.TakeCommit().Entries);
    }

    [Fact]
    public void Capacity_forgets_the_oldest_closed_reservation_after_a_settled_one_left_the_middle()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-1");
        foreach (var id in new[] { "pay-1", "pay-2", "pay-3", "pay-4" })
        {
            Assert.True(book.TryReserve(id, 0, 1.00m, Now, Ttl, "evt-r-" + id, out var reservation));
            book.CloseReservation(reservation, ReservationStatus.Released, Now.AddSeconds(1), "evt-c-" + id);
        }

        Assert.True(book.ForgetSettledReservation("pay-2"));
        book.Forget(Now.AddSeconds(4), TimeSpan.FromHours(24), capacity: 2);

        Assert.Equal(["pay-3", "pay-4"], book.TakeCommit().State.ClosedOperations.Select(c => c.OperationId));
    }

    [Fact]
    public void Every_change_is_one_entry_with_gapless_sequences_and_replaying_them_gives_the_balance()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", new Money.Money(100.00m, "USD"), Now, "e1");
        Assert.True(book.TryReserve("pay-1", 0, 30.00m, Now, Ttl, "e2", out var confirmed));
        Assert.True(book.TryReserve("pay-2", 0, 20.00m, Now, Ttl, "e3", out var released));
        Assert.True(book.TryReserve("pay-3", 0, 5.00m, Now, Ttl, "e4", out var expired));
        book.CloseReservation(confirmed, ReservationStatus.Confirmed, Now, "e5");
        book.CloseReservation(released, ReservationStatus.Released, Now, "e6", "gateway_rejected");
        book.CloseReservation(expired, ReservationStatus.Expired, Now, "e7", "reservation_expired");
        book.Credit("ref-1", "pay-1", new Money.Money(10.00m, "USD"), Now, "e8");

        var entries = book.TakeCommit().Entries;

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(
            [LedgerEntryTypes.Deposit, LedgerEntryTypes.Reserve, LedgerEntryTypes.Reserve, LedgerEntryTypes.Reserve,
             LedgerEntryTypes.Deduct, LedgerEntryTypes.Release, LedgerEntryTypes.Expire, LedgerEntryTypes.Credit],
            entries.Select(e => e.Type));
        var (balance, available) = LedgerReplay.Replay(entries);
        Assert.Equal(80.00m, balance);
        Assert.Equal(book.Balance, balance);
        Assert.Equal(book.Available, available);
        Assert.Null(LedgerReplay.FindInconsistency(entries));
    }
}
