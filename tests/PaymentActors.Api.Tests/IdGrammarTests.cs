using System.Net;
using PaymentActors.Identifiers;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The one id grammar (<see cref="IdGrammar"/>): what it accepts and refuses, and that every route with an id in
/// its path refuses the same ids with a 400 naming the route's parameter, never a 5xx or a lookup.
/// </summary>
public sealed class IdGrammarTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    /// <summary>Each id outside the grammar, as it is put into a path (escaped where a raw character would change the URL).</summary>
    public static TheoryData<string, string> IdsOutsideTheGrammar => new()
    {
        { "blank", "%20" },
        { "blanks", "%20%20%20" },
        { "tab", "%09" },
        { "padded", "%20abc" },
        { "slash (folded to _ by the table provider)", "a%2Fb" },
        { "backslash (folded to _)", "a%5Cb" },
        { "hash (folded to _)", "a%23b" },
        { "question mark (folded to _)", "a%3Fb" },
        { "percent", "a%25b" },
        { "non-ASCII", "jos%C3%A9" },
        { "invalid UTF-8", "a%FFb" },
        { "control character", "a%01b" },
        { "129 characters", new string('x', IdGrammar.MaxLength + 1) },
    };

    [Theory]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82")]
    [InlineData("a.b+c@example.com")]
    [InlineData("google-oauth2|109876543210987654321")]
    [InlineData("pay_0192f3a4b5c6d7e8f9a0b1c2d3e4f5a6")]
    [InlineData("x")]
    [InlineData("Tilde~and:colon=equals;semi,comma*star'quote(paren)!bang$dollar&amp")]
    public void Token_subjects_emails_and_our_own_ids_are_ids(string id) => Assert.True(IdGrammar.IsValid(id), id);

    [Theory]
    [InlineData(null, IdViolation.Missing)]
    [InlineData("", IdViolation.Length)]
    [InlineData(" ", IdViolation.Character)]
    [InlineData("a b", IdViolation.Character)]
    [InlineData("a/b", IdViolation.Character)]
    [InlineData("a\\b", IdViolation.Character)]
    [InlineData("a#b", IdViolation.Character)]
    [InlineData("a?b", IdViolation.Character)]
    [InlineData("a%2Fb", IdViolation.Character)]
    [InlineData("a\tb", IdViolation.Character)]
    [InlineData("a\u0085b", IdViolation.Character)]
    [InlineData("jos\u00e9", IdViolation.Character)]
    [InlineData("\ud800", IdViolation.Character)]
    [InlineData("a\"b", IdViolation.Character)]
    [InlineData("<script>", IdViolation.Character)]
    public void Blank_reserved_non_ascii_and_control_characters_are_not_ids(string? id, IdViolation expected) =>
        Assert.Equal(expected, IdGrammar.Check(id));

    [Fact]
    public void The_length_bound_is_the_gateway_limit_and_guards_every_key_formed()
    {
        Assert.True(IdGrammar.IsValid(new string('a', IdGrammar.MaxLength)));
        Assert.Equal(IdViolation.Length, IdGrammar.Check(new string('a', IdGrammar.MaxLength + 1)));
        Assert.Throws<ArgumentException>(() => IdGrammar.Require("a/b"));
        Assert.Equal("a_b", IdGrammar.Require("a_b"));
    }

    [Theory]
    [MemberData(nameof(IdsOutsideTheGrammar))]
    public async Task Every_route_with_an_id_refuses_ids_outside_the_grammar_with_400_naming_the_field(string name, string escapedId)
    {
        var routes = ApiRoutes.Of(api).Where(route => route.Parameters.Count > 0).ToList();
        Assert.NotEmpty(routes);

        foreach (var route in routes)
        {
            var path = route.Path(_ => escapedId);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(api.BaseAddress + path.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
            if (route.Method == "POST")
            {
                request.Content = new StringContent("""{"amount": "1.00", "currency": "USD"}""", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await _client.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {route.Method} {path} answered {(int)response.StatusCode} {body}");
            await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", route.Parameters.Single());
        }
    }

    [Fact]
    public async Task Ids_the_table_provider_would_fold_together_are_refused_so_no_two_ids_share_a_row()
    {
        var user = "fold-" + Guid.NewGuid().ToString("N");
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user + "_x", "7.00"), HttpStatusCode.OK);

        foreach (var folded in new[] { "/", "\\", "#", "?" })
        {
            var id = user + folded + "x";
            await ApiAssert.ErrorAsync(await _client.DepositAsync(id, "1.00"), HttpStatusCode.BadRequest, "validation_error", "user_id");
            await ApiAssert.ErrorAsync(await _client.GetWalletAsync(id), HttpStatusCode.BadRequest, "validation_error", "user_id");
            await ApiAssert.ErrorAsync(
                await _client.CreatePaymentAsync(id, "1.00", wait: true), HttpStatusCode.BadRequest, "validation_error", "user_id");
        }

        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user + "_x"), HttpStatusCode.OK);
        Assert.Equal("7.00", wallet.Text("balance"));
    }
}
