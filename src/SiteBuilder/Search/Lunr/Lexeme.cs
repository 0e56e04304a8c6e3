namespace SiteBuilder.Search.Lunr;

/// <summary>One lexeme with its text (escapes removed) and its span in the query string.</summary>
internal sealed record Lexeme(LexemeType Type, string Str, int Start, int End)
{
    /// <summary>lunr's name for the type, used in its error messages.</summary>
    public string TypeName => Type switch
    {
        LexemeType.Field => "FIELD",
        LexemeType.Term => "TERM",
        LexemeType.EditDistance => "EDIT_DISTANCE",
        LexemeType.Boost => "BOOST",
        _ => "PRESENCE",
    };
}
