namespace PaymentActors.Cli.Running;

/// <summary>The run could not start: the API is unreachable or refused to fund the run's wallets.</summary>
public sealed class LoadTestSetupException(string message) : Exception(message);
