using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PaymentActors.Identifiers;
using PaymentActors.Payments;
using PaymentActors.Wallets;
using Xunit.Abstractions;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The longest and oddest ids the grammar accepts go all the way through the production set-up: Azure Table keys on a
/// real Azurite (which refuses keys over 512 characters or with '/', '\', '#', '?') and the HTTP mock gateway
/// (which refuses ids over 128 characters), with every prefix the system adds.
/// </summary>
public sealed class LongestIdTests(AzureStackApiFixture api, ITestOutputHelper output) : IClassFixture<AzureStackApiFixture>
{
    /// <summary>Azure Tables: a key is at most 1 KiB of UTF-16; Azurite enforces it as 512 characters.</summary>
    private const int MaxTableKeyLength = 512;

    private readonly HttpClient _client = api.Client;

    /// <summary>128 characters using every punctuation mark the grammar allows, in the shapes of a token subject and an e-mail.</summary>
    private static string OddestId(string tag)
    {
        var id = $"auth0|{tag}|a.b+c@example.com|{IdGrammar.Punctuation}|";
        return id + new string('Z', IdGrammar.MaxLength - id.Length);
    }

    /// <summary>255 printable ASCII characters including those no id may hold: the key is hashed, never stored as is.</summary>
    private static string OddestKey(string tag) =>
        (tag + " /\\#?%\"<>{}[]^`" + new string('k', 255)).Substring(0, 255);

    [Fact]
    public async Task The_longest_oddest_legal_ids_deposit_pay_and_refund_through_azurite_and_the_http_gateway()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = OddestId(tag);
        var service = OddestId("svc" + tag);
        Assert.Equal(IdGrammar.MaxLength, user.Length);
        Assert.True(IdGrammar.IsValid(user) && IdGrammar.IsValid(service));

        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.00", idempotencyKey: OddestKey("d" + tag)), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(
            await _client.CreatePaymentAsync(user, "30.00", wait: true, idempotencyKey: OddestKey("p" + tag), serviceId: service),
            HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        Assert.Equal(user, payment.Text("user_id"));
        Assert.Equal(service, payment.Text("service_id"));
        var paymentId = payment.Text("id");

        var refund = await ApiAssert.SuccessAsync(
            await _client.RefundAsync(paymentId, """{"amount": "10.00", "reason": "longest id"}""", OddestKey("r" + tag)),
            HttpStatusCode.Created);
        Assert.Equal("succeeded", refund.Text("status"));

        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("80.00", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));

        // The gateway holds the charge under the user id exactly as given: no prefix, no truncation.
        var charge = JsonDocument.Parse(await api.Gateway.GetStringAsync("/charges/" + Uri.EscapeDataString(paymentId))).RootElement;
        Assert.Equal(user, charge.GetProperty("user_id").GetString());
        Assert.Equal("10.00", charge.GetProperty("refunded_amount").GetString());
    }

    [Fact]
    public void The_keys_formed_from_the_longest_id_fit_azure_tables_with_every_prefix()
    {
        // The official Orleans table providers key grain state by "{ServiceId}_{grain id}" and reminders by
        // "{grain id}-{reminder name}", where a grain id is "{grain type}/{key}".
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var serviceId = api.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var longest = OddestId("keys");
        var grainIds = new[]
        {
            grains.GetWallet(longest).GetGrainId().ToString(),
            grains.GetPayment(longest).GetGrainId().ToString(),
        };

        foreach (var grainId in grainIds)
        {
            output.WriteLine($"{grainId[..grainId.IndexOf('/', StringComparison.Ordinal)]}: state key {serviceId.Length} + {grainId.Length + 1}, reminder key {grainId.Length + 19}");
            Assert.True($"{serviceId}_{grainId}".Length <= MaxTableKeyLength, grainId);
            Assert.True($"{grainId}-reservation-expiry".Length <= MaxTableKeyLength, grainId);
        }

        Assert.IsAssignableFrom<IWalletGrain>(grains.GetWallet(longest));
        Assert.IsAssignableFrom<IPaymentGrain>(grains.GetPayment(longest));
    }
}
