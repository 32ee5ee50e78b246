using PaymentActors.Cli.Commands;

return await LoadTestCli.RunAsync(args).ConfigureAwait(false);
