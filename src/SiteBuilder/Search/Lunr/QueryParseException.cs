namespace SiteBuilder.Search.Lunr;

/// <summary>A query string that is not valid lunr syntax, lunr's <c>lunr.QueryParseError</c>.</summary>
public sealed class QueryParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueryParseException(string message, int start, int end) : base(message)
    {
        Start = start;
        End = end;
    }

    /// <summary>Start offset (0-based) of the offending lexeme.</summary>
    public int Start { get; }

    /// <summary>End offset (exclusive) of the offending lexeme.</summary>
    public int End { get; }
}
