namespace PaymentActors.Cli.Tests.FakeApi;

/// <summary>A ledger operation's answer: a view to return, or an error; <see cref="Replayed"/> for idempotent replays.</summary>
internal sealed record FakeOutcome<T>(T? View, FakeError? Error, bool Replayed = false)
{
    public static FakeOutcome<T> Fail(int status, string code, string message, string? field = null) => new(default, new FakeError(status, code, message, field));
}
