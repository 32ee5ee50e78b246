using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using PaymentActors.Orders;

namespace PaymentActors.Api.Contracts;

/// <summary>A postal address, as seed 004 sends it.</summary>
public sealed record AddressBody(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Street,
    [property: Required, StringLength(100, MinimumLength = 1)] string? City,
    [property: StringLength(100)] string? State,
    [property: StringLength(20)] string? PostalCode,
    [property: Required, StringLength(100, MinimumLength = 1)] string? Country)
{
    public static AddressBody From(Address address) => new(address.Street, address.City, address.State, address.PostalCode, address.Country);
}
