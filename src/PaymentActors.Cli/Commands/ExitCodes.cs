namespace PaymentActors.Cli.Commands;

internal static class ExitCodes
{
    public const int Passed = 0;
    public const int AuditFailed = 1;
    public const int CannotRun = 2;
}
