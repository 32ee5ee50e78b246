namespace PaymentActors.Wallets;

/// <summary>The kinds of wallet ledger entry, as the API names them.</summary>
public static class LedgerEntryTypes
{
    /// <summary>Funds added: balance and available rise.</summary>
    public const string Deposit = "deposit";

    /// <summary>Funds held for a payment: available falls, balance unchanged.</summary>
    public const string Reserve = "reserve";

    /// <summary>A reservation confirmed: balance falls, available unchanged.</summary>
    public const string Deduct = "deduct";

    /// <summary>A reservation handed back: available rises.</summary>
    public const string Release = "release";

    /// <summary>A reservation that outlived its time to live: available rises.</summary>
    public const string Expire = "expire";

    /// <summary>A refund paid back into the wallet: balance and available rise.</summary>
    public const string Credit = "credit";
}
