namespace PaymentActors.Hosting.Telemetry;

/// <summary>The meters exported at <c>/metrics</c>: by the front door, and by a silo process with <c>Metrics:Url</c> set.</summary>
public static class MeterNames
{
    /// <summary>Our own instruments: payments, wallets, metrics collectors.</summary>
    public const string PaymentActors = "PaymentActors";

    public const string Storage = "PaymentActors.Storage";

    public const string Gateway = "PaymentActors.Gateway";

    /// <summary>Orleans's runtime instruments (messaging, activations, grain calls).</summary>
    public const string Orleans = "Microsoft.Orleans";

    /// <summary>ASP.NET Core's built-in request and connection instruments.</summary>
    public static readonly string[] AspNetCore = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static IEnumerable<string> All => new[] { PaymentActors, Storage, Gateway, Orleans }.Concat(AspNetCore);
}
