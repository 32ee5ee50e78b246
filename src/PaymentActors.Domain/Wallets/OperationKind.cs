namespace PaymentActors.Wallets;

[GenerateSerializer, Alias("PaymentActors.OperationKind")]
public enum OperationKind
{
    Reservation = 0,
    Deposit = 1,
    Credit = 2,
}
