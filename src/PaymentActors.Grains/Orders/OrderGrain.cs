using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Grains.Hosting;
using PaymentActors.Orders;
using PaymentActors.Grains.Wallets;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Orders;

/// <summary>
/// An order (seed 004). Its total is computed here, never taken from the client. A payment claims the order before it
/// reserves any funds, so of two racing payments one proceeds and the other is refused; the order learns how its payment
/// ended by asking the payment whenever it is read or changed (<see cref="OrderRules.Observe"/>).
/// </summary>
public sealed class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time) : Grain, IOrderGrain
{
    public const string IdPrefix = "ord_";

    private string OrderId => this.GetPrimaryKeyString();

    private OrderState State => state.State;

    public async Task<OrderResult> CreateAsync(OrderDraft draft, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (priced, total) = Price(draft);
        if (State.Draft is { } existing)
        {
            return new OrderResult(existing.SameAs(priced) ? OrderOutcome.AlreadyExists : OrderOutcome.RequestMismatch, await GetAsync());
        }

        OrderRules.Create(State, priced, total, OrderNumberOf(OrderId), actor, time.GetUtcNow());
        await SaveAsync();
        return new OrderResult(OrderOutcome.Done, Snapshot());
    }

    public async Task<OrderSnapshot?> GetAsync()
    {
        if (State.Draft is null)
        {
            return null;
        }

        await ObservePaymentAsync();
        return Snapshot();
    }

    public async Task<OrderResult> UpdateAsync(IReadOnlyList<OrderLine> items, Address shippingAddress, Address billingAddress, string? notes)
    {
        if (await GetAsync() is null)
        {
            return new OrderResult(OrderOutcome.NotFound, null);
        }

        if (!OrderRules.IsModifiable(State))
        {
            return new OrderResult(OrderOutcome.NotModifiable, Snapshot());
        }

        (State.Draft, State.TotalAmount) = Price(State.Draft! with { Items = items, ShippingAddress = shippingAddress, BillingAddress = billingAddress, Notes = notes });
        State.UpdatedAt = time.GetUtcNow();
        await SaveAsync();
        return new OrderResult(OrderOutcome.Done, Snapshot());
    }

    public async Task<OrderResult> CancelAsync(string? actor = null)
    {
        if (await GetAsync() is null)
        {
            return new OrderResult(OrderOutcome.NotFound, null);
        }

        var before = State.Status;
        var outcome = OrderRules.Cancel(State, actor, time.GetUtcNow(), out var changed);
        if (changed)
        {
            await SaveAsync();
        }

        return new OrderResult(outcome, Snapshot(), before);
    }

    public async Task<OrderResult> ClaimAsync(string paymentId, string userId, Money.Money amount)
    {
        GrainArguments.RequireId(paymentId, nameof(paymentId));
        if (await GetAsync() is null)
        {
            return new OrderResult(OrderOutcome.NotFound, null);
        }

        var outcome = OrderRules.CheckClaim(State, paymentId, userId, amount);
        if (outcome == OrderOutcome.Done && State.ClaimedBy is null && State.PaidBy is null)
        {
            State.ClaimedBy = paymentId;
            State.ClaimedAt = time.GetUtcNow();
            State.UpdatedAt = State.ClaimedAt;
            await SaveAsync();
        }

        return new OrderResult(outcome, Snapshot());
    }

    public async Task ReleaseClaimAsync(string paymentId)
    {
        if (State.ClaimedBy == paymentId)
        {
            State.ClaimedBy = null;
            State.UpdatedAt = time.GetUtcNow();
            await SaveAsync();
        }
    }

    public async Task<OrderResult> AdvanceAsync(OrderStatus status, string? actor = null)
    {
        if (await GetAsync() is null)
        {
            return new OrderResult(OrderOutcome.NotFound, null);
        }

        var before = State.Status;
        var outcome = OrderRules.Advance(State, status, actor, time.GetUtcNow(), out var changed);
        if (changed)
        {
            await SaveAsync();
        }

        return new OrderResult(outcome, Snapshot(), before);
    }

    public async Task PaymentChangedAsync(PaymentSnapshot payment)
    {
        if (State.Draft is not null && (State.ClaimedBy ?? State.PaidBy) == payment.Id && OrderRules.Observe(State, payment, time.GetUtcNow()))
        {
            await SaveAsync();
        }
    }

    /// <summary>The order number: unique because the order id is, readable because it is short and upper-case.</summary>
    public static string OrderNumberOf(string orderId) =>
        "ORD-" + (orderId.StartsWith(IdPrefix, StringComparison.Ordinal) ? orderId[IdPrefix.Length..] : orderId).ToUpperInvariant();

    /// <summary>The draft with each line's total, and the order's: computed here, never taken from the client.</summary>
    private static (OrderDraft Draft, decimal Total) Price(OrderDraft draft)
    {
        // The front door has checked the lines and that the total fits.
        OrderPricing.TryPrice(draft.Items.Select(i => (i.ProductId, i.Quantity, i.UnitPrice)), draft.Currency, out var priced, out var total);
        return (draft with { Items = priced }, total);
    }

    private async Task ObservePaymentAsync()
    {
        if ((State.ClaimedBy ?? State.PaidBy) is not { } paymentId || State.Status == OrderStatus.Refunded)
        {
            return;
        }

        var payment = await GrainFactory.GetGrain<IPaymentGrain>(paymentId).GetAsync();
        if (OrderRules.Observe(State, payment, time.GetUtcNow()))
        {
            await SaveAsync();
        }
    }

    /// <summary>
    /// Lists the order in its user's list (a row in the user's wallet partition, written with the wallet's next commit),
    /// then writes it. Listed first, so that an order that exists is always listed; a row ahead of a lost write is
    /// corrected by the next save, and lists read each order from its grain anyway.
    /// </summary>
    private async Task SaveAsync()
    {
        var row = new ListingRow(ListingRow.Order, OrderId, State.CreatedAt, State.Status.ToWireName(), Settled: State.ClaimedBy is null);
        await GrainFactory.GetGrain<IWalletSettlementGrain>(State.Draft!.UserId).UpdateListingAsync(row);
        await state.WriteStateAsync();
    }

    private OrderSnapshot Snapshot() => new(
        OrderId, State.OrderNumber, State.Draft!, State.TotalAmount, State.Status, State.ClaimedBy ?? State.PaidBy,
        State.ClaimedBy is not null, State.CreatedAt, State.UpdatedAt, OrderRules.HistoryOf(State));
}
