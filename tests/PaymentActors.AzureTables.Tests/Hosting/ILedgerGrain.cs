namespace PaymentActors.AzureTables.Tests.Hosting;

[Alias("Tests.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    [Alias("Deposit")]
    Task<decimal> Deposit(decimal amount);

    [Alias("GetBalance")]
    Task<decimal> GetBalance();

    [Alias("ScheduleExpiry")]
    Task ScheduleExpiry();

    [Alias("ScheduleTick")]
    Task ScheduleTick(TimeSpan period);
}
