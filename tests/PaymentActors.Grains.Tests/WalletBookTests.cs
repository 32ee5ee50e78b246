using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// The wallet's memory of closed operations: a settled payment's reservation can be forgotten so that a hot
/// wallet's state holds only what may still be asked about; deposits stay for their retention.
/// </summary>
public sealed class WalletBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Money.Money Ten = new(10.00m, "USD");

    [Fact]
    public void A_settled_reservation_is_forgotten_and_leaves_the_persisted_state()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-dep");
        Assert.True(book.TryReserve("pay-1", 0, 4.00m, Now, TimeSpan.FromMinutes(15), "evt-res", out var reservation));
        book.CloseReservation(reservation, ReservationStatus.Confirmed, Now, "evt-ded");

        Assert.True(book.ForgetSettledReservation("pay-1"));

        Assert.Null(book.FindClosed("pay-1"));
        Assert.Equal(["dep-1"], book.ToState().ClosedOperations.Select(c => c.OperationId));
        Assert.Equal(6.00m, book.Balance);
    }

    [Fact]
    public void Deposits_and_active_reservations_are_not_forgotten()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-dep");
        Assert.True(book.TryReserve("pay-1", 0, 4.00m, Now, TimeSpan.FromMinutes(15), "evt-res", out _));

        Assert.False(book.ForgetSettledReservation("dep-1"));
        Assert.False(book.ForgetSettledReservation("pay-1"));

        Assert.NotNull(book.FindClosed("dep-1"));
        Assert.NotNull(book.FindReservation("pay-1"));
    }

    [Fact]
    public void Capacity_still_forgets_the_oldest_after_a_settled_reservation_left_the_middle()
    {
        var book = new WalletBook();
        book.Deposit("dep-1", Ten, Now, "evt-1");
        Assert.True(book.TryReserve("pay-1", 0, 1.00m, Now, TimeSpan.FromMinutes(15), "evt-2", out var reservation));
        book.CloseReservation(reservation, ReservationStatus.Released, Now.AddSeconds(1), "evt-3");
        book.Deposit("dep-2", Ten, Now.AddSeconds(2), "evt-4");
        book.Deposit("dep-3", Ten, Now.AddSeconds(3), "evt-5");
        Assert.True(book.ForgetSettledReservation("pay-1"));

        book.Forget(Now.AddSeconds(4), TimeSpan.FromHours(24), capacity: 2);

        Assert.Equal(["dep-2", "dep-3"], book.ToState().ClosedOperations.Select(c => c.OperationId));
        Assert.Null(book.FindClosed("dep-1"));
    }
}
