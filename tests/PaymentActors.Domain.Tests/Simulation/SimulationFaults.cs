namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>How often each fault is injected while faults are on (each a probability per occasion).</summary>
internal static class SimulationFaults
{
    public const double PaymentStorageFails = 0.03;
    public const double PaymentStorageLandsButFails = 0.02;
    public const double WalletUnreachable = 0.03;
    public const double WalletWriteFails = 0.02;
    public const double GatewayDeclines = 0.10;
    public const double GatewayRefusesBeforeSending = 0.03;
    public const double GatewayTimesOut = 0.06;
    public const double GatewayLandsAfterTimeout = 0.05;
    public const double AnswerDuplicated = 0.04;
    public const double RefundDeclined = 0.05;
}
