namespace SiteBuilder.Search.Lunr;

/// <summary>
/// lunr's <c>lunr.tokenizer</c>: lower-cases a field value and splits it on <c>/[\s\-]+/</c>, recording each
/// token's <c>[start, length]</c> and index. Array values become one token per element, unsplit and without position.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes a field value the way lunr.js does.</summary>
    /// <param name="value">A string, number, boolean, array (any <see cref="System.Collections.IList"/>), or null.</param>
    /// <param name="field">The field name, stored as token metadata.</param>
    public static List<Token> Tokenize(object? value, string field)
    {
        var tokens = new List<Token>();
        if (value is System.Text.Json.JsonElement json) value = JsValue.FromJsonElement(json);
        if (value is null) return tokens;
        if (value is System.Collections.IList list && value is not string)
        {
            foreach (var element in list) tokens.Add(new Token(JsString.ToLower(JsValue.AsString(element)), field));
            return tokens;
        }
        var str = JsString.ToLower(JsValue.ToJsString(value));
        var sliceStart = 0;
        for (var sliceEnd = 0; sliceEnd <= str.Length; sliceEnd++)
        {
            if (sliceEnd < str.Length && !JsString.IsSeparator(str[sliceEnd])) continue;
            var sliceLength = sliceEnd - sliceStart;
            if (sliceLength > 0)
                tokens.Add(new Token(str.Substring(sliceStart, sliceLength), field, sliceStart, sliceLength, tokens.Count));
            sliceStart = sliceEnd + 1;
        }
        return tokens;
    }
}
