using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using PaymentActors.Grains.Payments;
using PaymentActors.Payments;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// Reads what a grain last made durable straight from the grain storage table, without activating the grain, so that
/// a test can watch sagas finish without being the one that resumes them.
/// </summary>
public sealed class DurableState(IServiceProvider siloServices, IGrainFactory grains)
{
    private readonly IGrainStorage _storage = siloServices.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public async Task<PaymentState> PaymentAsync(string paymentId)
    {
        var state = new GrainState<PaymentState>(new PaymentState());
        await _storage.ReadStateAsync("payment", grains.GetGrain<IPaymentGrain>(paymentId).GetGrainId(), state);
        return state.State ?? new PaymentState();
    }
}
