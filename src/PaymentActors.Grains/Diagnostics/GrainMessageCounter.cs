using System.Diagnostics;
using System.Diagnostics.Metrics;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Diagnostics;

/// <summary>
/// Counts every message a grain of this silo receives — calls, one-way calls and stream deliveries alike — by
/// interface and method, as <c>paymentactors.grain.messages</c> on the meter "PaymentActors". Divided by completed
/// payments (summed over every silo) it gives the grain messages a payment costs, a load-independent number.
/// </summary>
public sealed class GrainMessageCounter : IIncomingGrainCallFilter
{
    public const string InstrumentName = "paymentactors.grain.messages";
    public const string InterfaceTag = "interface";
    public const string MethodTag = "method";

    private readonly Counter<long> _messages;

    public GrainMessageCounter(IMeterFactory meterFactory)
    {
        _messages = meterFactory.Create(PaymentMetrics.MeterName)
            .CreateCounter<long>(InstrumentName, "{message}", "Messages received by grains of this silo, by grain interface and method.");
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        // Counted before the call, so that a call that throws is a message all the same.
        if (_messages.Enabled)
        {
            _messages.Add(1, new TagList { { InterfaceTag, context.InterfaceName }, { MethodTag, context.MethodName } });
        }

        return context.Invoke();
    }
}
