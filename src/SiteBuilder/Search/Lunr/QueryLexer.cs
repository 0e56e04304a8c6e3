namespace SiteBuilder.Search.Lunr;

/// <summary>Splits a query string into lexemes, state for state as lunr's <c>lunr.QueryLexer</c>.</summary>
internal sealed class QueryLexer
{
    private const int Eos = -1;
    private readonly string _str;
    private readonly List<int> _escapes = new();
    private int _pos;
    private int _start;

    public QueryLexer(string str) => _str = str;

    public List<Lexeme> Lexemes { get; } = new();

    public void Run()
    {
        Func<QueryLexer, object?>? state = LexText;
        while (state != null) state = (Func<QueryLexer, object?>?)state(this);
    }

    private string SliceString()
    {
        var parts = new System.Text.StringBuilder();
        var sliceStart = _start;
        foreach (var end in _escapes)
        {
            parts.Append(JsString.Slice(_str, sliceStart, end));
            sliceStart = end + 1;
        }
        parts.Append(JsString.Slice(_str, sliceStart, _pos));
        _escapes.Clear();
        return parts.ToString();
    }

    private void Emit(LexemeType type)
    {
        Lexemes.Add(new Lexeme(type, SliceString(), _start, _pos));
        _start = _pos;
    }

    private void EscapeCharacter()
    {
        _escapes.Add(_pos - 1);
        _pos += 1;
    }

    private int Next() => _pos >= _str.Length ? Eos : _str[_pos++];

    private int Width => _pos - _start;

    private void Ignore()
    {
        if (_start == _pos) _pos += 1;
        _start = _pos;
    }

    private void Backup() => _pos -= 1;

    private void AcceptDigitRun()
    {
        int c;
        do c = Next();
        while (c is > 47 and < 58);
        if (c != Eos) Backup();
    }

    private bool More => _pos < _str.Length;

    private static object? LexField(QueryLexer l)
    {
        l.Backup();
        l.Emit(LexemeType.Field);
        l.Ignore();
        return (Func<QueryLexer, object?>)LexText;
    }

    private static object? LexTerm(QueryLexer l)
    {
        if (l.Width > 1)
        {
            l.Backup();
            l.Emit(LexemeType.Term);
        }
        l.Ignore();
        return l.More ? (Func<QueryLexer, object?>)LexText : null;
    }

    private static object? LexEditDistance(QueryLexer l)
    {
        l.Ignore();
        l.AcceptDigitRun();
        l.Emit(LexemeType.EditDistance);
        return (Func<QueryLexer, object?>)LexText;
    }

    private static object? LexBoost(QueryLexer l)
    {
        l.Ignore();
        l.AcceptDigitRun();
        l.Emit(LexemeType.Boost);
        return (Func<QueryLexer, object?>)LexText;
    }

    private static object? LexEos(QueryLexer l)
    {
        if (l.Width > 0) l.Emit(LexemeType.Term);
        return null;
    }

    private static object? LexText(QueryLexer l)
    {
        while (true)
        {
            var c = l.Next();
            if (c == Eos) return (Func<QueryLexer, object?>)LexEos;
            if (c == '\\')
            {
                l.EscapeCharacter();
                continue;
            }
            if (c == ':') return (Func<QueryLexer, object?>)LexField;
            if (c == '~')
            {
                l.Backup();
                if (l.Width > 0) l.Emit(LexemeType.Term);
                return (Func<QueryLexer, object?>)LexEditDistance;
            }
            if (c == '^')
            {
                l.Backup();
                if (l.Width > 0) l.Emit(LexemeType.Term);
                return (Func<QueryLexer, object?>)LexBoost;
            }
            if ((c == '+' || c == '-') && l.Width == 1)
            {
                l.Emit(LexemeType.Presence);
                return (Func<QueryLexer, object?>)LexText;
            }
            if (JsString.IsSeparator((char)c)) return (Func<QueryLexer, object?>)LexTerm;
        }
    }
}
