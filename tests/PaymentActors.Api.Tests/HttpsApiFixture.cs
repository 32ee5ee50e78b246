using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The API on an https:// address with a certificate given the production way, through Kestrel's configuration
/// (<c>Kestrel:Certificates:Default</c>): a self-signed one for 127.0.0.1, which the fixture's clients trust by thumbprint.
/// </summary>
public sealed class HttpsApiFixture : ApiFixture
{
    private const string Password = "test-only";
    private readonly string _pfxPath = Path.Combine(Path.GetTempPath(), $"paymentactors-api-{Guid.NewGuid():N}.pfx");
    private string _thumbprint = "";

    protected override IEnumerable<string> Settings =>
    [
        "--urls=https://127.0.0.1:0",
        $"--Kestrel:Certificates:Default:Path={_pfxPath}",
        $"--Kestrel:Certificates:Default:Password={Password}",
    ];

    protected override Task StartDependenciesAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(_pfxPath, certificate.Export(X509ContentType.Pfx, Password));
        _thumbprint = certificate.Thumbprint;
        return Task.CompletedTask;
    }

    protected override Task StopDependenciesAsync()
    {
        File.Delete(_pfxPath);
        return Task.CompletedTask;
    }

    protected override HttpMessageHandler? CreateHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            string.Equals(certificate?.Thumbprint, _thumbprint, StringComparison.OrdinalIgnoreCase),
    };
}
