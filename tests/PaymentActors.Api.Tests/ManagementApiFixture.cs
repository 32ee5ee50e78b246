namespace PaymentActors.Api.Tests;

/// <summary>The API with a management listener on its own loopback port, as run.sh starts it.</summary>
public sealed class ManagementApiFixture : ApiFixture
{
    public int ManagementPort { get; } = LoopbackPorts.Free();

    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort}");

    protected override IEnumerable<string> Settings => [$"--Management:Urls={ManagementAddress}"];

    protected override string SelectBaseAddress(ICollection<string> urls) => urls.Single(url => new Uri(url).Port != ManagementPort);
}
