using System.Net;

namespace PaymentActors.Api.Tests;

/// <summary>With a certificate configured, the front door serves HTTPS, and bearer tokens work over it.</summary>
public sealed class HttpsTests(HttpsApiFixture api) : IClassFixture<HttpsApiFixture>
{
    [Fact]
    public async Task The_api_answers_over_https_with_the_configured_certificate()
    {
        var user = TestIds.User();

        Assert.Equal(Uri.UriSchemeHttps, api.BaseAddress.Scheme);
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "5.00"), HttpStatusCode.OK);
        using var userClient = api.ClientFor(user);
        var wallet = await ApiAssert.SuccessAsync(await userClient.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal(5.00m, wallet.Amount("balance"));
    }
}
