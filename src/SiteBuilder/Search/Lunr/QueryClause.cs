namespace SiteBuilder.Search.Lunr;

/// <summary>One clause of a <see cref="Query"/>, lunr's clause object.</summary>
public sealed class QueryClause
{
    /// <summary>The term; <c>*</c> is a wildcard.</summary>
    public string Term { get; set; } = "";

    /// <summary>The fields searched; all fields when not restricted with <c>field:</c>.</summary>
    public IReadOnlyList<string> Fields { get; set; } = Array.Empty<string>();

    /// <summary>Multiplies the clause's weight (<c>term^10</c>).</summary>
    public double Boost { get; set; } = 1;

    /// <summary>Maximum edit distance for fuzzy matching (<c>term~1</c>), or null for exact matching.</summary>
    public int? EditDistance { get; set; }

    /// <summary>Whether the term goes through the search pipeline (false when it holds a wildcard).</summary>
    public bool UsePipeline { get; set; } = true;

    /// <summary>Optional, required (<c>+</c>) or prohibited (<c>-</c>).</summary>
    public QueryPresence Presence { get; set; } = QueryPresence.Optional;
}
