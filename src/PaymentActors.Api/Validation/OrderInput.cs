using System.Globalization;
using PaymentActors.Api.Contracts;
using PaymentActors.Orders;

namespace PaymentActors.Api.Validation;

/// <summary>An order's lines and addresses as the contract allows them, turned into the domain's; each error names its field.</summary>
public static class OrderInput
{
    public const string ItemsField = "items";
    public const string ShippingAddressField = "shipping_address";
    public const string BillingAddressField = "billing_address";
    public const string NotesField = "notes";
    public const int MaxAddressPartLength = 200;

    /// <summary>1 to 100 lines; each a product id ≥ 1, a quantity from 1, a positive unit price in the currency's decimals.</summary>
    public static ApiError? CheckItems(IReadOnlyList<OrderItemBody?>? items, string currency, out IReadOnlyList<OrderLine> lines)
    {
        lines = [];
        if (items is null)
        {
            return InputValidation.Invalid(ItemsField, $"'{ItemsField}' is required.");
        }

        if (items.Count is 0 or > OrderPricing.MaxItems)
        {
            return InputValidation.Invalid(ItemsField, $"'{ItemsField}' must hold 1 to {OrderPricing.MaxItems} items.");
        }

        var result = new List<OrderLine>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{ItemsField}[{i}].");
            if (items[i] is not { } item)
            {
                return InputValidation.Invalid(string.Create(CultureInfo.InvariantCulture, $"{ItemsField}[{i}]"), "Each item must be an object.");
            }

            if (item.ProductId is not >= 1)
            {
                return InputValidation.Invalid(prefix + "product_id", "'product_id' must be an integer from 1.");
            }

            if (item.Quantity is not (>= 1 and <= OrderPricing.MaxQuantity))
            {
                return InputValidation.Invalid(prefix + "quantity", $"'quantity' must be an integer from 1 to {OrderPricing.MaxQuantity}.");
            }

            if (InputValidation.CheckMoney(item.UnitPrice, currency, out var unitPrice) is { } priceError)
            {
                return priceError with { Field = prefix + "unit_price", Message = priceError.Message.Replace("'amount'", "'unit_price'", StringComparison.Ordinal) };
            }

            result.Add(new OrderLine(item.ProductId.Value, item.Quantity.Value, unitPrice.Amount, 0m));
        }

        if (!OrderPricing.TryPrice(result.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)), currency, out _, out _))
        {
            return InputValidation.Invalid(ItemsField, $"The order's total must not exceed {Money.Money.MaxAmount.ToString(CultureInfo.InvariantCulture)}.");
        }

        lines = result;
        return null;
    }

    public static ApiError? CheckAddress(AddressBody? body, string field, out Address address)
    {
        address = null!;
        if (body is null)
        {
            return InputValidation.Invalid(field, $"'{field}' is required.");
        }

        foreach (var (name, value, required) in new[]
                 {
                     ("street", body.Street, true), ("city", body.City, true), ("state", body.State, false),
                     ("postal_code", body.PostalCode, false), ("country", body.Country, true),
                 })
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                return InputValidation.Invalid($"{field}.{name}", $"'{field}.{name}' is required.");
            }

            if (value is not null && (value.Length > MaxAddressPartLength || InputValidation.CheckFreeText(value, $"{field}.{name}") is not null))
            {
                return InputValidation.Invalid($"{field}.{name}", $"'{field}.{name}' must be at most {MaxAddressPartLength} characters of text.");
            }
        }

        address = new Address(body.Street!, body.City!, body.State, body.PostalCode, body.Country!);
        return null;
    }
}
