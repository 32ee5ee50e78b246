namespace PaymentActors.Hosting.Options;

/// <summary>How the front door reaches the payment actors; <c>Orleans:Mode</c>.</summary>
public enum OrleansMode
{
    /// <summary>The front door runs its own silo in its process: one process is the whole system (what <c>./run.sh</c> starts).</summary>
    CoHosted,

    /// <summary>
    /// The front door is a pure Orleans client of silos running elsewhere (PaymentActors.Silo), found in the Azure
    /// Table membership table (what <c>./run.sh --silos N</c> and docker-compose start).
    /// </summary>
    Client,
}
