using Xunit;

namespace PaymentActors.Testing.Azurite;

/// <summary>One Azurite for the whole test run, on free ports with a temporary data folder that is deleted afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "paymentactors-azurite-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(DataFolder);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
