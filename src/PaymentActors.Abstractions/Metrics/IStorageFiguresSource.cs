namespace PaymentActors.Metrics;

/// <summary>This process's storage requests so far; registered where the storage clients are counted (Azure Tables).</summary>
public interface IStorageFiguresSource
{
    StorageFigures Snapshot();
}
