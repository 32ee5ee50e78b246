using Orleans.Storage;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Persistence;

/// <summary>
/// The payment grain's storage: the default grain storage, except that a payment whose id the front door has just
/// minted (<see cref="MintedIds"/>) is not read, because nothing can be stored under a fresh random id. That read was
/// about one storage request per payment. Its first write then carries no ETag, which Orleans's providers send as an
/// insert: were the id ever taken, the write would fail rather than overwrite. Every other activation reads as usual.
/// </summary>
internal sealed class MintedIdGrainStorage(IGrainStorage inner) : IGrainStorage
{
    /// <summary>The storage name the payment grain's state uses.</summary>
    public const string Name = "payments";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        MintedIds.IsMinted(grainId.Key.ToString()!) ? Task.CompletedTask : inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
