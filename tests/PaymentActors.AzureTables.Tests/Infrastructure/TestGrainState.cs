using System.Diagnostics.CodeAnalysis;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>What a grain's persistent state holds between storage calls.</summary>
internal sealed class TestGrainState<T> : IGrainState<T>
{
    public TestGrainState(T state) => State = state;

    [AllowNull]
    public T State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
