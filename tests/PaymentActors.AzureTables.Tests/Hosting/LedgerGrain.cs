namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>A grain that keeps its state in the default storage and registers reminders, to test the silo wiring.</summary>
public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger) : Grain, ILedgerGrain, IRemindable
{
    public async Task<decimal> Deposit(decimal amount)
    {
        ledger.State.Balance += amount;
        await ledger.WriteStateAsync();
        return ledger.State.Balance;
    }

    public Task<decimal> GetBalance() => Task.FromResult(ledger.State.Balance);

    public Task ScheduleExpiry() => this.RegisterOrUpdateReminder("expiry", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ScheduleTick(TimeSpan period) => this.RegisterOrUpdateReminder("tick", period, period);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == "tick")
        {
            // Durable, so that a test can see the tick without activating the grain.
            ledger.State.Ticks++;
            await ledger.WriteStateAsync();
        }
    }
}
