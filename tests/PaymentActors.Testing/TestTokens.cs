using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PaymentActors.Testing;

/// <summary>
/// Real bearer tokens for tests, signed the way the API validates them: an HMAC-SHA256 key given to the API under
/// <c>Authentication:Schemes:Bearer</c> in the same shape <c>dotnet user-jwts</c> writes (issuer, audiences, signing
/// keys), and tokens carrying <c>sub</c> and <c>role</c> as that tool's do. The key is new for every test process.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "payment-actors-tests";
    public const string Audience = "payment-actors-api";
    public const string OperatorRole = "operator";
    public const string OperatorName = "test-operator";

    private const string Section = "Authentication:Schemes:Bearer";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Command-line settings that make the API accept these tokens.</summary>
    public static IReadOnlyList<string> ApiSettings { get; } =
    [
        $"--{Section}:ValidIssuer={Issuer}",
        $"--{Section}:ValidAudiences:0={Audience}",
        $"--{Section}:SigningKeys:0:Id=tests",
        $"--{Section}:SigningKeys:0:Issuer={Issuer}",
        $"--{Section}:SigningKeys:0:Value={Convert.ToBase64String(SigningKey)}",
        $"--{Section}:SigningKeys:0:Length={SigningKey.Length}",
    ];

    /// <summary>A user's token: <c>sub</c> is the user id, no role.</summary>
    public static string User(string userId) => Create(userId);

    /// <summary>An operator's token (role <c>operator</c>).</summary>
    public static string Operator(string name = OperatorName) => Create(name, OperatorRole);

    /// <summary>A token as the API would accept it, or, with other <paramref name="issuer"/>, <paramref name="audience"/>, key or times, as it must not.</summary>
    public static string Create(
        string subject,
        string? role = null,
        string issuer = Issuer,
        string audience = Audience,
        byte[]? key = null,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["jti"] = Guid.NewGuid().ToString("N") };
        if (role is not null) claims["role"] = role;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A client of <paramref name="baseAddress"/> that sends <paramref name="token"/> (or no token when null).</summary>
    public static HttpClient Client(Uri baseAddress, string? token, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        client.BaseAddress = baseAddress;
        client.Timeout = timeout ?? TimeSpan.FromSeconds(60);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
