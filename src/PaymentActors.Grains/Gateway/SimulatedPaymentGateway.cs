using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;

namespace PaymentActors.Grains.Gateway;

/// <summary>
/// Seed 000's mock gateway, in process: declines a configured share of charges after a random latency.
/// Whether a charge is declined depends only on the seed and the payment id, so runs are reproducible
/// whatever order concurrent charges arrive in. Charges are idempotent by payment id and attempt, refunds by id.
/// </summary>
public sealed class SimulatedPaymentGateway(IOptions<PaymentActorsOptions> options, [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time) : IPaymentGateway
{
    private readonly SimulatedGatewayOptions _options = options.Value.SimulatedGateway;
    private readonly ConcurrentDictionary<(string PaymentId, int Attempt), Lazy<Task<GatewayResponse>>> _charges = new();
    private readonly ConcurrentDictionary<string, GatewayResponse> _refunds = new(StringComparer.Ordinal);

    public Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
        _charges.GetOrAdd((request.PaymentId, request.Attempt), key => new Lazy<Task<GatewayResponse>>(() => DecideAsync(key.PaymentId))).Value;

    public Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken) =>
        _charges.TryGetValue((paymentId, 0), out var charge) ? charge.Value : Task.FromResult(new GatewayResponse(GatewayStatus.NotFound));

    public Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_refunds.GetOrAdd(request.RefundId, _ => GatewayResponse.Approved("sim-refund-" + request.RefundId)));

    private async Task<GatewayResponse> DecideAsync(string paymentId)
    {
        var draw = Draw(paymentId);
        var latency = _options.MinLatency + ((_options.MaxLatency - _options.MinLatency) * draw.Latency);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time);
        }

        return draw.Decline < _options.FailureRate
            ? GatewayResponse.Declined("card_declined")
            : GatewayResponse.Approved("sim-" + paymentId);
    }

    /// <summary>Two numbers in [0, 1) from a hash of the seed and the payment id.</summary>
    private (double Decline, double Latency) Draw(string paymentId)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(paymentId), _options.Seed);
        return ((hash >> 32) / (double)(1UL << 32), (hash & 0xFFFF_FFFF) / (double)(1UL << 32));
    }
}
