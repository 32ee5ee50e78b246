using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>Checks the contract's envelope and returns the payload.</summary>
public static class ApiAssert
{
    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.True(root.GetProperty("success").GetBoolean(), body);
        return root.GetProperty("data").Clone();
    }

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.GetProperty("success").GetBoolean(), body);
        var error = root.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), body);
        Assert.True(error.TryGetProperty("field", out var actualField), body);
        if (field is not null)
        {
            Assert.Equal(field, actualField.GetString());
        }

        return error.Clone();
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>Amounts are strings; parsed as decimal, never double.</summary>
    public static decimal Amount(this JsonElement element, string property) =>
        decimal.Parse(element.Text(property), System.Globalization.CultureInfo.InvariantCulture);
}
