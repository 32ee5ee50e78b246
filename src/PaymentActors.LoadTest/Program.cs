using PaymentActors.LoadTest.Cli;

return await LoadTestCli.RunAsync(args).ConfigureAwait(false);
