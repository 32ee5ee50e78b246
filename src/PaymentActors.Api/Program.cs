using PaymentActors.Api;

await PaymentActorsApp.Build(args).RunAsync();
