using System.Runtime.CompilerServices;

namespace PaymentActors.Identifiers;

/// <summary>
/// The one grammar of every id the system accepts from outside or puts into a key: user, service, payment, refund,
/// order and failed-event ids. 1 to <see cref="MaxLength"/> characters, each an ASCII letter or digit or one of
/// <see cref="Punctuation"/>: the characters a URI path segment may carry unescaped (RFC 3986 unreserved, sub-delims,
/// ':' and '@') plus '|', so token subjects such as <c>auth0|abc</c> and e-mail addresses such as
/// <c>a.b+c@example.com</c> are ids as they are.
/// </summary>
/// <remarks>
/// Left out on purpose: '/', '\', '#' and '?' (Orleans's Azure Table providers fold all four into '_', so
/// <c>a/b</c> and <c>a_b</c> would share a storage row; Azure Tables refuses them in keys), '%' (a route value keeps
/// an escaped slash as "%2F", so ids with '%' are ambiguous), whitespace, control characters (Azure Tables refuses
/// them in keys) and anything outside ASCII (visually equal ids in different Unicode normalisations would be
/// different wallets). Ids are case-sensitive, like grain keys and table keys: <c>Alice</c> and <c>alice</c> are
/// two users.
/// </remarks>
public static class IdGrammar
{
    /// <summary>
    /// The payment gateway takes ids of at most 128 characters and receives the user id exactly as given (no prefix),
    /// so 128 is the most a user id may have. Every other id gets the same bound so that one grammar serves all. The
    /// longest storage key this makes is far inside Azure Tables' 512-character keys (1 KiB of UTF-16; Azurite
    /// checks 512): "{ServiceId}_{grain type}/{id}" and a reminder's "{grain type}/{id}-{reminder}" add under 64
    /// characters with our grain types and a service id of up to 300 characters.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>The punctuation an id may contain besides ASCII letters and digits.</summary>
    public const string Punctuation = "-._~!$&'()*+,;=:@|";

    /// <summary>The grammar as a regular expression, for API documents (the code checks characters directly).</summary>
    public const string Pattern = @"^[A-Za-z0-9\-._~!$&'()*+,;=:@|]{1,128}$";

    /// <summary>Why <paramref name="id"/> is not an id, or <see cref="IdViolation.None"/>.</summary>
    public static IdViolation Check(string? id)
    {
        if (id is null)
        {
            return IdViolation.Missing;
        }

        if (id.Length is 0 or > MaxLength)
        {
            return IdViolation.Length;
        }

        foreach (var c in id)
        {
            if (!IsIdCharacter(c))
            {
                return IdViolation.Character;
            }
        }

        return IdViolation.None;
    }

    public static bool IsValid(string? id) => Check(id) == IdViolation.None;

    public static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal);

    /// <summary>For code that forms a key: throws <see cref="ArgumentException"/> unless <paramref name="id"/> is an id.</summary>
    public static string Require(string? id, [CallerArgumentExpression(nameof(id))] string? name = null)
    {
        var violation = Check(id);
        return violation == IdViolation.None ? id! : throw new ArgumentException(Describe(violation, name ?? "id"), name);
    }

    /// <summary>A sentence for a client: what is wrong with the id in <paramref name="field"/>.</summary>
    public static string Describe(IdViolation violation, string field) => violation switch
    {
        IdViolation.Missing => $"'{field}' is required.",
        IdViolation.Length => $"'{field}' must be 1 to {MaxLength} characters long.",
        IdViolation.Character => $"'{field}' may contain only ASCII letters, digits and {Punctuation} (no spaces, '/', '\\', '#', '?' or '%').",
        _ => $"'{field}' is valid.",
    };
}
