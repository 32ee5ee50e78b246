using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>Paging through a list route over HTTP, shared by the in-memory and the Azure Table tests of the lists.</summary>
public static class ListPaging
{
    /// <summary>One page of <paramref name="path"/> (which carries its query) after <paramref name="startingAfter"/>.</summary>
    public static async Task<(List<JsonElement> Items, bool HasMore, string? Next)> PageAsync(HttpClient client, string path, string? startingAfter = null)
    {
        var url = startingAfter is null ? path : $"{path}&starting_after={Uri.EscapeDataString(startingAfter)}";
        var page = await ApiAssert.SuccessAsync(await client.GetAsync(url), HttpStatusCode.OK);
        var next = page.GetProperty("next_starting_after");
        return ([.. page.GetProperty("items").EnumerateArray()], page.GetProperty("has_more").GetBoolean(),
            next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    /// <summary>Every item's id, page after page, until a page says no more follow.</summary>
    public static async Task<List<string>> AllIdsAsync(HttpClient client, string path)
    {
        var ids = new List<string>();
        string? next = null;
        do
        {
            var page = await PageAsync(client, path, next);
            ids.AddRange(page.Items.Select(i => i.Text("id")));
            Assert.Equal(page.HasMore, page.Next is not null);
            next = page.Next;
        }
        while (next is not null);

        return ids;
    }

    /// <summary>
    /// 25 completed payments read 10 at a time: 3 pages, newest first, no duplicate and no gap, while new payments are
    /// created between the pages (they belong before the first page, so they never show up in the older pages).
    /// </summary>
    public static async Task TwentyFivePaymentsInThreePagesAsync(HttpClient client)
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await client.DepositAsync(user, "1000.00"), HttpStatusCode.OK);
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            created.Add((await PayAsync(client, user, "1.00")).Text("id"));
        }

        var path = $"/payments?user_id={user}&limit=10";
        var seen = new List<string>();
        var newer = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(client, path, next);
            pages++;
            Assert.All(page.Items, item => Assert.Equal(user, item.Text("user_id")));
            seen.AddRange(page.Items.Select(i => i.Text("id")));
            next = page.Next;
            Assert.Equal(page.HasMore, next is not null);

            // Payments made while paging are newer than every page still to read.
            newer.Add((await PayAsync(client, user, "2.00")).Text("id"));
        }
        while (next is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);

        // A fresh first page starts with them, newest first.
        var first = await PageAsync(client, $"/payments?user_id={user}&limit=5");
        Assert.Equal(Enumerable.Reverse(newer).Concat(Enumerable.Reverse(created)).Take(5), first.Items.Select(i => i.Text("id")));
    }

    public static async Task<JsonElement> PayAsync(HttpClient client, string user, string amount)
    {
        var payment = await ApiAssert.SuccessAsync(await client.CreatePaymentAsync(user, amount, wait: true), HttpStatusCode.OK);
        Assert.NotEqual("pending", payment.Text("status"));
        return payment;
    }
}
