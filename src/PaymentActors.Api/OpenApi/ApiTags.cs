namespace PaymentActors.Api.OpenApi;

/// <summary>
/// What each tag groups, for the document's tag list. A route's tag (<c>WithTags</c>) must be described here: the
/// contract test lints the live document, and a tag without a description fails it.
/// </summary>
public static class ApiTags
{
    public const string Operations = "Operations";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Wallets"] = "A user's wallet: deposits (operators), balance, reservations held for payments in flight, and its ledger.",
        ["Payments"] = "Payments from a wallet through the gateway: create (optionally waiting for the outcome), read, cancel, refund, list.",
        ["Orders"] = "Orders a payment pays for: create, change, cancel, advance their status, list.",
        ["Transactions"] = "The gateway transactions of payments and refunds.",
        ["Gateway"] = "The payment gateway's health as each silo's circuit breaker sees it (operators).",
        ["Cluster"] = "The Orleans cluster's silos (operators).",
        ["Metrics"] = "Figures summed across the cluster (operators).",
        ["Failed events"] = "Payments that failed, recorded for operators to inspect and retry.",
        [Operations] = "Health probes and Prometheus metrics.",
    };
}
