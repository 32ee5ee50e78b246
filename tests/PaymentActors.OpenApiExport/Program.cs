using PaymentActors.Api;
using PaymentActors.Testing;

// Usage: PaymentActors.OpenApiExport <output.json>. Starts the app alone (in-memory storage, simulated gateway, its
// own free loopback ports), saves the /openapi/v1.json it serves and stops it. The document is only complete once the
// app runs: its endpoints reach the document generator when the pipeline is built.
if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: PaymentActors.OpenApiExport <output.json>");
    return 2;
}

await using var app = PaymentActorsApp.Build(
[
    "--urls=http://127.0.0.1:0",
    "--Storage:Provider=Memory",
    "--Gateway:Mode=Simulated",
    $"--Orleans:SiloPort={LoopbackPorts.Free()}",
    "--Orleans:GatewayPort=0",
    $"--Orleans:ClusterId=openapi-export-{Guid.NewGuid():N}",
    "--Management:Urls=",
    "--Logging:LogLevel:Default=Warning",
    .. TestTokens.ApiSettings,
]);
await app.StartAsync();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    var document = await http.GetStringAsync("/openapi/v1.json");
    var output = Path.GetFullPath(args[0]);
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, document);
    Console.WriteLine($"Wrote {output}");
}
finally
{
    await app.StopAsync();
}

return 0;
