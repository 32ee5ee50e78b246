using System.Net;
using Microsoft.Extensions.Options;

namespace PaymentActors.Hosting.Options;

public sealed class OrleansOptionsValidator : IValidateOptions<OrleansOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId)) failures.Add("Orleans:ClusterId is required.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) failures.Add("Orleans:ServiceId is required.");
        if (options.SiloPort is < 1 or > 65535) failures.Add("Orleans:SiloPort must be between 1 and 65535.");
        if (options.GatewayPort is < 0 or > 65535) failures.Add("Orleans:GatewayPort must be between 0 and 65535.");
        if (options.GatewayPort != 0 && options.GatewayPort == options.SiloPort)
            failures.Add("Orleans:GatewayPort must differ from Orleans:SiloPort.");
        if (!string.Equals(options.AdvertisedIP, OrleansOptions.AutomaticAddress, StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(options.AdvertisedIP, out _))
            failures.Add($"Orleans:AdvertisedIP must be an IP address or '{OrleansOptions.AutomaticAddress}'.");
        if (options.ResponseTimeout <= TimeSpan.Zero) failures.Add("Orleans:ResponseTimeout must be positive.");
        if (options.RepeatWindow < TimeSpan.Zero) failures.Add("Orleans:RepeatWindow must not be negative (zero turns repeats off).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
