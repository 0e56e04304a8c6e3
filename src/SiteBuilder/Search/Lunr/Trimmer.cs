namespace SiteBuilder.Search.Lunr;

/// <summary>
/// lunr's <c>lunr.trimmer</c>: strips non-word characters from both ends of a token. "Word" is JavaScript's
/// ASCII-only <c>\w</c>, so accented letters at the edges go too ("café" → "caf"), exactly as in lunr.js.
/// </summary>
public static class Trimmer
{
    /// <summary>The pipeline function, labelled <c>trimmer</c>.</summary>
    public static readonly PipelineFunction Function = new("trimmer", token =>
    {
        token.Str = Trim(token.Str);
        return token;
    });

    /// <summary>Applies <c>s.replace(/^\W+/, '').replace(/\W+$/, '')</c>.</summary>
    public static string Trim(string s)
    {
        var start = 0;
        while (start < s.Length && !JsString.IsWordChar(s[start])) start++;
        var end = s.Length;
        while (end > start && !JsString.IsWordChar(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s.Substring(start, end - start);
    }
}
