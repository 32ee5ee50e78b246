using Microsoft.Extensions.Logging;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Diagnostics;

/// <summary>
/// Opens a log scope with the payment id (payment grain) or the user id (wallet grain) around each call, so every
/// line logged while serving it — including the saga it starts, which inherits the scope — can be found by that id.
/// </summary>
internal sealed class LogScopeGrainCallFilter(ILoggerFactory loggerFactory) : IIncomingGrainCallFilter
{
    public const string PaymentIdField = "PaymentId";
    public const string UserIdField = "UserId";

    private readonly ILogger _logger = loggerFactory.CreateLogger("PaymentActors.Grains");

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var field = context.Grain switch
        {
            IPaymentGrain => PaymentIdField,
            IWalletGrain => UserIdField,
            _ => null,
        };
        return field is null ? context.Invoke() : InvokeInScopeAsync(context, field);
    }

    private async Task InvokeInScopeAsync(IIncomingGrainCallContext context, string field)
    {
        using var scope = _logger.BeginScope(new IdScope(field, context.TargetId.Key.ToString()));
        await context.Invoke();
    }

    /// <summary>One named id: a field for structured formatters, "PaymentId:pay_…" for the others.</summary>
    private sealed class IdScope(string field, string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(field, id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => field + ":" + id;
    }
}
