using System.Globalization;

namespace SiteBuilder.Search.Lunr;

/// <summary>Parses lunr's query syntax into a <see cref="Query"/>, with lunr's <c>lunr.QueryParser</c> states and errors.</summary>
public sealed class QueryParser
{
    private readonly string _str;
    private readonly Query _query;
    private List<Lexeme> _lexemes = new();
    private int _lexemeIdx;
    private QueryClause _current = new();

    /// <summary>Creates a parser that adds clauses to <paramref name="query"/>.</summary>
    public QueryParser(string str, Query query)
    {
        _str = str;
        _query = query;
    }

    /// <summary>Parses the string; throws <see cref="QueryParseException"/> as lunr.js would.</summary>
    public Query Parse()
    {
        var lexer = new QueryLexer(_str);
        lexer.Run();
        _lexemes = lexer.Lexemes;
        Func<QueryParser, object?>? state = ParseClause;
        while (state != null) state = (Func<QueryParser, object?>?)state(this);
        return _query;
    }

    private Lexeme? Peek() => _lexemeIdx < _lexemes.Count ? _lexemes[_lexemeIdx] : null;

    private Lexeme? Consume()
    {
        var lexeme = Peek();
        _lexemeIdx++;
        return lexeme;
    }

    private void NextClause()
    {
        _query.Clause(_current);
        _current = new QueryClause();
    }

    private static object? ParseClause(QueryParser p)
    {
        var lexeme = p.Peek();
        if (lexeme == null) return null;
        switch (lexeme.Type)
        {
            case LexemeType.Presence: return (Func<QueryParser, object?>)ParsePresence;
            case LexemeType.Field: return (Func<QueryParser, object?>)ParseField;
            case LexemeType.Term: return (Func<QueryParser, object?>)ParseTerm;
            default:
                var message = "expected either a field or a term, found " + lexeme.TypeName;
                if (lexeme.Str.Length >= 1) message += " with value '" + lexeme.Str + "'";
                throw new QueryParseException(message, lexeme.Start, lexeme.End);
        }
    }

    private static object? ParsePresence(QueryParser p)
    {
        var lexeme = p.Consume();
        if (lexeme == null) return null;
        p._current.Presence = lexeme.Str switch
        {
            "-" => QueryPresence.Prohibited,
            "+" => QueryPresence.Required,
            _ => throw new QueryParseException("unrecognised presence operator'" + lexeme.Str + "'", lexeme.Start, lexeme.End),
        };
        var next = p.Peek();
        if (next == null) throw new QueryParseException("expecting term or field, found nothing", lexeme.Start, lexeme.End);
        return next.Type switch
        {
            LexemeType.Field => (Func<QueryParser, object?>)ParseField,
            LexemeType.Term => (Func<QueryParser, object?>)ParseTerm,
            _ => throw new QueryParseException("expecting term or field, found '" + next.TypeName + "'", next.Start, next.End),
        };
    }

    private static object? ParseField(QueryParser p)
    {
        var lexeme = p.Consume();
        if (lexeme == null) return null;
        if (!p._query.AllFields.Contains(lexeme.Str))
        {
            var possible = string.Join(", ", p._query.AllFields.Select(f => "'" + f + "'"));
            throw new QueryParseException("unrecognised field '" + lexeme.Str + "', possible fields: " + possible, lexeme.Start, lexeme.End);
        }
        p._current.Fields = new[] { lexeme.Str };
        var next = p.Peek();
        if (next == null) throw new QueryParseException("expecting term, found nothing", lexeme.Start, lexeme.End);
        if (next.Type == LexemeType.Term) return (Func<QueryParser, object?>)ParseTerm;
        throw new QueryParseException("expecting term, found '" + next.TypeName + "'", next.Start, next.End);
    }

    private static object? ParseTerm(QueryParser p)
    {
        var lexeme = p.Consume();
        if (lexeme == null) return null;
        p._current.Term = JsString.ToLower(lexeme.Str);
        if (lexeme.Str.Contains('*')) p._current.UsePipeline = false;
        return p.AfterModifier();
    }

    private static object? ParseEditDistance(QueryParser p)
    {
        var lexeme = p.Consume();
        if (lexeme == null) return null;
        if (!TryParseDigits(lexeme.Str, out var distance)) throw new QueryParseException("edit distance must be numeric", lexeme.Start, lexeme.End);
        p._current.EditDistance = (int)Math.Min(distance, int.MaxValue);
        return p.AfterModifier();
    }

    private static object? ParseBoost(QueryParser p)
    {
        var lexeme = p.Consume();
        if (lexeme == null) return null;
        if (!TryParseDigits(lexeme.Str, out var boost)) throw new QueryParseException("boost must be numeric", lexeme.Start, lexeme.End);
        p._current.Boost = boost;
        return p.AfterModifier();
    }

    // The lexer only lets digits into these lexemes, so parseInt(str, 10) is NaN exactly when the string is empty.
    private static bool TryParseDigits(string s, out double value) =>
        double.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private object? AfterModifier()
    {
        var next = Peek();
        if (next == null)
        {
            NextClause();
            return null;
        }
        switch (next.Type)
        {
            case LexemeType.Term:
                NextClause();
                return (Func<QueryParser, object?>)ParseTerm;
            case LexemeType.Field:
                NextClause();
                return (Func<QueryParser, object?>)ParseField;
            case LexemeType.EditDistance:
                return (Func<QueryParser, object?>)ParseEditDistance;
            case LexemeType.Boost:
                return (Func<QueryParser, object?>)ParseBoost;
            default:
                NextClause();
                return (Func<QueryParser, object?>)ParsePresence;
        }
    }
}
