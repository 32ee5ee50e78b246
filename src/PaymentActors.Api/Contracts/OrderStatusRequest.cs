using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>POST /orders/{id}/status</c>.</summary>
public sealed record OrderStatusRequest(
    [property: Required]
    [property: Description("processing, shipped or delivered; forward only, from paid.")]
    string? Status);
