namespace PaymentActors.Cli.Running;

/// <summary>What a client does around one payment.</summary>
internal enum PaymentAction
{
    /// <summary>Pay and follow the payment to its end.</summary>
    Plain,

    /// <summary>After the answer, send the same request again: must replay the same payment.</summary>
    Replay,

    /// <summary>Send the request twice at the same time: one payment, the other answer a replay or idempotency_key_in_use.</summary>
    ConcurrentDuplicate,

    /// <summary>After the answer, send the key with another amount: must be refused with idempotency_key_reused.</summary>
    KeyReuse,

    /// <summary>Deposit into the wallet, then pay.</summary>
    TopUp,

    /// <summary>Pay; once completed, refund half or all of it.</summary>
    Refund,

    /// <summary>Pay without waiting and cancel at once.</summary>
    Cancel,

    /// <summary>Create an order of the payment's amount, then pay it (the payment names the order).</summary>
    Order,
}
