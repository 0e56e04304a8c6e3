namespace SiteBuilder.Search.Lunr;

/// <summary>The kinds of lexeme in a lunr query string.</summary>
internal enum LexemeType
{
    Field,
    Term,
    EditDistance,
    Boost,
    Presence,
}
