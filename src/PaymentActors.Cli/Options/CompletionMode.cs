namespace PaymentActors.Cli.Options;

/// <summary>How a client learns that its payment finished.</summary>
public enum CompletionMode
{
    /// <summary>POST /payments?wait=true (the API holds the answer up to 10 s), then poll if still in flight.</summary>
    Wait,

    /// <summary>POST /payments answers 202 at once; GET /payments/{id} until the status is terminal.</summary>
    Poll,
}
