namespace PaymentActors.Identifiers;

/// <summary>What makes a string fail <see cref="IdGrammar"/>.</summary>
public enum IdViolation
{
    None,
    Missing,
    /// <summary>Empty, or longer than <see cref="IdGrammar.MaxLength"/>.</summary>
    Length,
    /// <summary>A character outside the grammar (whitespace, '/', '%', non-ASCII, control…).</summary>
    Character,
}
