using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>Only tokens signed with the configured key, for this issuer and audience, and within their lifetime, get in.</summary>
public sealed class AuthenticationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "expired", TestTokens.Create("alice", expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-1)) },
        { "another signing key", TestTokens.Create("alice", key: RandomNumberGenerator.GetBytes(32)) },
        { "another issuer", TestTokens.Create("alice", issuer: "someone-else") },
        { "another audience", TestTokens.Create("alice", audience: "another-service") },
        { "not a JWT", "not-a-token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_token_the_api_did_not_issue_for_itself_answers_401_invalid_token(string why, string token)
    {
        using var client = api.ClientWithToken(token);

        using var response = await client.GetAsync("/wallets/alice");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized", "Authorization");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.True(challenge.Parameter?.Contains("invalid_token") == true, why);
    }

    [Fact]
    public async Task No_token_answers_401_with_a_bearer_challenge()
    {
        using var client = api.ClientWithToken(null);

        using var response = await client.PostJsonAsync("/payments", """{"user_id": "alice", "service_id": "s", "amount": "1.00", "currency": "USD"}""");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized", "Authorization");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task A_user_token_pays_from_its_own_wallet_and_reads_its_own_payment()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        using var client = api.ClientFor(user);

        var payment = await ApiAssert.SuccessAsync(await client.CreatePaymentAsync(user, "4.00", wait: true), HttpStatusCode.OK);
        var read = await ApiAssert.SuccessAsync(await client.GetPaymentAsync(payment.Text("id")), HttpStatusCode.OK);
        var wallet = await ApiAssert.SuccessAsync(await client.GetWalletAsync(user), HttpStatusCode.OK);

        Assert.Equal("completed", read.Text("status"));
        Assert.Equal(6.00m, wallet.Amount("balance"));
    }

    [Fact]
    public async Task Another_users_payment_is_not_found_and_cannot_be_cancelled()
    {
        var owner = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(owner, "10.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(owner, "4.00", wait: true), HttpStatusCode.OK);
        using var stranger = api.ClientFor(TestIds.User());

        await ApiAssert.ErrorAsync(await stranger.GetPaymentAsync(payment.Text("id")), HttpStatusCode.NotFound, "payment_not_found", "id");
        await ApiAssert.ErrorAsync(await stranger.CancelAsync(payment.Text("id")), HttpStatusCode.NotFound, "payment_not_found", "id");
        await ApiAssert.ErrorAsync(await stranger.GetWalletAsync(owner), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
        await ApiAssert.ErrorAsync(await stranger.CreatePaymentAsync(owner, "1.00"), HttpStatusCode.Forbidden, "forbidden", "user_id");
    }

    [Fact]
    public async Task The_openapi_document_declares_the_bearer_scheme_and_leaves_health_anonymous()
    {
        using var anonymous = api.ClientWithToken(null);
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.Equal(0, root.GetProperty("paths").GetProperty("/health/ready").GetProperty("get").GetProperty("security").GetArrayLength());
    }
}
