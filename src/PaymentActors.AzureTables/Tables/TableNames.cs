using System.Diagnostics.CodeAnalysis;

namespace PaymentActors.AzureTables.Tables;

/// <summary>Azure's table-name rule: 3 to 63 letters or digits, starting with a letter; "tables" is reserved.</summary>
public static class TableNames
{
    public static bool IsValid(string? name, [NotNullWhen(false)] out string? reason)
    {
        if (string.IsNullOrEmpty(name))
        {
            reason = "it is empty.";
            return false;
        }

        if (name.Length is < 3 or > 63)
        {
            reason = $"it has {name.Length} characters; a table name has 3 to 63.";
            return false;
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            reason = "it must start with a letter.";
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                reason = $"'{c}' is not allowed; only letters and digits are.";
                return false;
            }
        }

        if (string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase))
        {
            reason = "\"tables\" is reserved by the service.";
            return false;
        }

        reason = null;
        return true;
    }
}
