using System.Globalization;
using System.Text.Json;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Events;
using PaymentActors.Identifiers;
using PaymentActors.Money;

namespace PaymentActors.Api.Validation;

/// <summary>
/// The contract's rules on single inputs. Each check returns the error to send, or null when the input is
/// acceptable; no check has side effects, so a refused request changes nothing.
/// </summary>
public static class InputValidation
{
    public const string AmountField = "amount";
    public const string CurrencyField = "currency";
    public const string DescriptionField = "description";

    /// <summary>Ids (route values, body fields, cursors): <see cref="IdGrammar"/>, the one grammar every layer keys by.</summary>
    public static ApiError? CheckId(string? value, string field)
    {
        var violation = IdGrammar.Check(value);
        return violation == IdViolation.None ? null : Invalid(field, IdGrammar.Describe(violation, field));
    }

    /// <summary>Description: optional, at most 1024 characters, no control characters other than line breaks and tabs.</summary>
    public static ApiError? CheckDescription(string? value) => CheckFreeText(value, DescriptionField);

    /// <summary>Optional free text (a description, a refund reason): at most 1024 characters (or <paramref name="maxLength"/>), no control characters other than line breaks and tabs.</summary>
    public static ApiError? CheckFreeText(string? value, string field, int maxLength = InputLimits.MaxDescriptionLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return Invalid(field, $"'{field}' must be at most {maxLength} characters long.");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return Invalid(field, $"'{field}' must not contain control characters other than line breaks and tabs.");
        }

        return IsWellFormed(value) ? null : Invalid(field, $"'{field}' must be well-formed Unicode text.");
    }

    /// <summary>
    /// Idempotency-Key header: optional, at most one, 1–255 printable ASCII characters. The key itself never becomes a
    /// key anywhere: ids are derived from a hash of it (<see cref="EventIds.Derive"/>).
    /// </summary>
    public static ApiError? CheckIdempotencyKey(HttpRequest request, out string? key)
    {
        key = null;
        if (!request.Headers.TryGetValue(ApiHeaders.IdempotencyKey, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            return Invalid(ApiHeaders.IdempotencyKey, $"Send at most one {ApiHeaders.IdempotencyKey} header.");
        }

        var value = values[0] ?? string.Empty;
        if (value.Length is 0 or > InputLimits.MaxIdempotencyKeyLength || !value.All(c => c is >= (char)0x20 and <= (char)0x7E))
        {
            return Invalid(
                ApiHeaders.IdempotencyKey,
                $"{ApiHeaders.IdempotencyKey} must be 1 to {InputLimits.MaxIdempotencyKeyLength} printable ASCII characters.");
        }

        key = value;
        return null;
    }

    /// <summary>An optional boolean query flag: absent, "true" or "false".</summary>
    public static ApiError? CheckFlag(string? value, string field, out bool flag)
    {
        flag = false;
        if (value is null)
        {
            return null;
        }

        return bool.TryParse(value, out flag) ? null : Invalid(field, $"'{field}' must be true or false.");
    }

    /// <summary>An optional whole-number query parameter within [min, max]; absent gives <paramref name="fallback"/>.</summary>
    public static ApiError? CheckIntegerRange(string? value, string field, int min, int max, int fallback, out int number)
    {
        number = fallback;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max
            ? null
            : Invalid(field, $"'{field}' must be a whole number from {min} to {max}.");
    }

    /// <summary>
    /// Amount and currency: the amount is a JSON number or a string, read exactly as decimal (never through
    /// double); the currency is an upper-case ISO 4217 code; the pair must satisfy <see cref="Money.Money.TryCreate"/>.
    /// </summary>
    public static ApiError? CheckMoney(JsonElement? amount, string? currency, out Money.Money money)
    {
        money = default;
        if (amount is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return Invalid(AmountField, $"'{AmountField}' is required.");
        }

        if (ParseAmount(element, out var value, out var status) is { } parseError)
        {
            return parseError;
        }

        if (currency is null)
        {
            return Invalid(CurrencyField, $"'{CurrencyField}' is required.");
        }

        if (!CurrencyCatalog.TryGet(currency, out _))
        {
            return Invalid(CurrencyField, MoneyError.UnknownCurrency.Describe(currency));
        }

        return CheckAmountIn(value, status, currency, out money);
    }

    /// <summary>
    /// An optional amount in a currency the server already knows (a refund of a payment): absent or null gives
    /// null; otherwise the same rules as <see cref="CheckMoney"/>.
    /// </summary>
    public static ApiError? CheckOptionalAmount(JsonElement? amount, string currency, out Money.Money? money)
    {
        money = null;
        if (amount is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (ParseAmount(element, out var value, out var status) is { } parseError)
        {
            return parseError;
        }

        var error = CheckAmountIn(value, status, currency, out var parsed);
        money = error is null ? parsed : null;
        return error;
    }

    public static ApiError Invalid(string field, string message) => new(ErrorCodes.ValidationError, message, field);

    private static ApiError? ParseAmount(JsonElement element, out decimal value, out AmountParseStatus status)
    {
        value = 0m;
        status = AmountParseStatus.Malformed;
        if (element.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return Invalid(AmountField, $"'{AmountField}' must be a number or a string such as \"100.50\".");
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        status = AmountParser.TryParse(text, out value);
        return status == AmountParseStatus.Malformed
            ? Invalid(AmountField, $"'{AmountField}' must be a decimal number such as 100.50.")
            : null;
    }

    private static ApiError? CheckAmountIn(decimal value, AmountParseStatus status, string currency, out Money.Money money)
    {
        money = default;
        var error = status switch
        {
            AmountParseStatus.TooLarge => MoneyError.TooLarge,
            AmountParseStatus.TooManyDecimals => MoneyError.TooManyDecimals,
            _ => Money.Money.TryCreate(value, currency, out money, out var moneyError) ? MoneyError.None : moneyError,
        };
        return error == MoneyError.None ? null : Invalid(AmountField, error.Describe(currency));
    }

    /// <summary>False for lone surrogates, which cannot be encoded as UTF-8 and so cannot be stored or echoed back.</summary>
    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
