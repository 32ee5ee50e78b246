using PaymentActors.MockGateway;

var app = MockGatewayApp.Create(args);
await app.RunAsync();
