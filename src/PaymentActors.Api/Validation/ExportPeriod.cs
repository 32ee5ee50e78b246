using System.Globalization;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Validation;

/// <summary>
/// The <c>from</c> (inclusive) and <c>to</c> (exclusive) of an export: each an ISO 8601 date (midnight UTC) or a time
/// with an explicit offset, <c>to</c> after <c>from</c>, at most <see cref="MaxDays"/> days apart.
/// </summary>
public readonly record struct ExportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const int MaxDays = 366;

    public static ApiError? Check(string? from, string? to, out ExportPeriod period)
    {
        period = default;
        if (CheckBound(from, FromField, out var start) is { } fromError) return fromError;
        if (CheckBound(to, ToField, out var end) is { } toError) return toError;
        if (end <= start) return InputValidation.Invalid(ToField, $"'{ToField}' must be after '{FromField}'.");
        if (end - start > TimeSpan.FromDays(MaxDays))
        {
            return InputValidation.Invalid(ToField, $"'{ToField}' must be at most {MaxDays} days after '{FromField}'.");
        }

        period = new ExportPeriod(start, end);
        return null;
    }

    private static ApiError? CheckBound(string? value, string field, out DateTimeOffset bound)
    {
        bound = default;
        if (string.IsNullOrEmpty(value))
        {
            return InputValidation.Invalid(field, $"'{field}' is required: an ISO 8601 date (2026-01-31) or time with an offset (2026-01-31T12:00:00Z).");
        }

        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bound = new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero);
            return null;
        }

        // A time needs its offset (Z or ±hh:mm): one without would be read in the server's zone.
        if (value.Length <= 64 &&
            (value.EndsWith('Z') || value.EndsWith('z') || value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':') &&
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            bound = time;
            return null;
        }

        return InputValidation.Invalid(field, $"'{field}' must be an ISO 8601 date (2026-01-31) or time with an offset (2026-01-31T12:00:00Z).");
    }
}
