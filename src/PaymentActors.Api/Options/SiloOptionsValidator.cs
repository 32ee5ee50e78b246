using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Options;

public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId)) failures.Add("Orleans:ClusterId is required.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) failures.Add("Orleans:ServiceId is required.");
        if (options.SiloPort is < 1 or > 65535) failures.Add("Orleans:SiloPort must be between 1 and 65535.");
        if (options.GatewayPort is < 0 or > 65535) failures.Add("Orleans:GatewayPort must be between 0 and 65535.");
        if (options.GatewayPort != 0 && options.GatewayPort == options.SiloPort)
            failures.Add("Orleans:GatewayPort must differ from Orleans:SiloPort.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
