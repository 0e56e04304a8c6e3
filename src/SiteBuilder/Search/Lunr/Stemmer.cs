using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SiteBuilder.Search.Lunr;

/// <summary>
/// lunr 2.3.9's Porter stemmer (<c>lunr.stemmer</c>), transcribed regex for regex so that it also keeps
/// lunr's quirks (an initial "y" is treated as a consonant, "Y"; the step lists are lunr's, with "logi").
/// JavaScript's <c>.</c> and <c>$</c> become <c>[^\n\r\u2028\u2029]</c> and <c>\z</c>, their exact .NET equivalents.
/// </summary>
public static partial class Stemmer
{
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const string Cons = "[^aeiou]";
    private const string Vow = "[aeiouy]";
    private const string ConsSeq = Cons + "[^aeiouy]*";
    private const string VowSeq = Vow + "[aeiou]*";
    private const string Mgr0 = "^(" + ConsSeq + ")?" + VowSeq + ConsSeq;
    private const string Meq1 = "^(" + ConsSeq + ")?" + VowSeq + ConsSeq + "(" + VowSeq + @")?\z";
    private const string Mgr1 = "^(" + ConsSeq + ")?" + VowSeq + ConsSeq + VowSeq + ConsSeq;
    private const string SV = "^(" + ConsSeq + ")?" + Vow;

    [GeneratedRegex(Mgr0)] private static partial Regex ReMgr0();
    [GeneratedRegex(Mgr1)] private static partial Regex ReMgr1();
    [GeneratedRegex(Meq1)] private static partial Regex ReMeq1();
    [GeneratedRegex(SV)] private static partial Regex ReSV();
    [GeneratedRegex("^(" + Dot + @"+?)(ss|i)es\z")] private static partial Regex Re1a();
    [GeneratedRegex("^(" + Dot + @"+?)([^s])s\z")] private static partial Regex Re21a();
    [GeneratedRegex("^(" + Dot + @"+?)eed\z")] private static partial Regex Re1b();
    [GeneratedRegex("^(" + Dot + @"+?)(ed|ing)\z")] private static partial Regex Re21b();
    [GeneratedRegex(Dot + @"\z")] private static partial Regex Re1b2();
    [GeneratedRegex(@"(at|bl|iz)\z")] private static partial Regex Re21b2();
    [GeneratedRegex(@"([^aeiouylsz])\1\z")] private static partial Regex Re31b2();
    [GeneratedRegex("^" + ConsSeq + Vow + @"[^aeiouwxy]\z")] private static partial Regex Re41b2();
    [GeneratedRegex("^(" + Dot + @"+?[^aeiou])y\z")] private static partial Regex Re1c();
    [GeneratedRegex("^(" + Dot + @"+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\z")] private static partial Regex Re2();
    [GeneratedRegex("^(" + Dot + @"+?)(icate|ative|alize|iciti|ical|ful|ness)\z")] private static partial Regex Re3();
    [GeneratedRegex("^(" + Dot + @"+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\z")] private static partial Regex Re4();
    [GeneratedRegex("^(" + Dot + @"+?)(s|t)(ion)\z")] private static partial Regex Re24();
    [GeneratedRegex("^(" + Dot + @"+?)e\z")] private static partial Regex Re5();
    [GeneratedRegex(@"ll\z")] private static partial Regex Re51();

    private static readonly Dictionary<string, string> Step2 = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize", ["bli"] = "ble",
        ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous", ["ization"] = "ize", ["ation"] = "ate",
        ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive", ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al",
        ["iviti"] = "ive", ["biliti"] = "ble", ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3 = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "", ["ness"] = "",
    };

    // Words repeat heavily in prose: memoizing makes stemming cost proportional to the vocabulary, not the text.
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 500_000;
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, which stalled parallel tokenizers.
    private static int _cacheSize;

    /// <summary>The pipeline function, labelled <c>stemmer</c>.</summary>
    public static readonly PipelineFunction Function = new("stemmer", token =>
    {
        token.Str = Stem(token.Str);
        return token;
    });

    /// <summary>Stems one word exactly as lunr.js 2.3.9 does.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3) return word;
        if (Cache.TryGetValue(word, out var stem)) return stem;
        stem = Porter(word);
        if (Volatile.Read(ref _cacheSize) >= CacheLimit)
        {
            Cache.Clear();
            Volatile.Write(ref _cacheSize, 0);
        }
        if (Cache.TryAdd(word, stem)) Interlocked.Increment(ref _cacheSize);
        return stem;
    }

    private static string Porter(string w)
    {
        var firstIsY = w[0] == 'y';
        if (firstIsY) w = "Y" + w.Substring(1);

        // Step 1a
        Match m;
        if ((m = Re1a().Match(w)).Success) w = m.Groups[1].Value + m.Groups[2].Value;
        else if ((m = Re21a().Match(w)).Success) w = m.Groups[1].Value + m.Groups[2].Value;

        // Step 1b
        if ((m = Re1b().Match(w)).Success)
        {
            if (ReMgr0().IsMatch(m.Groups[1].Value)) w = Re1b2().Replace(w, "", 1);
        }
        else if ((m = Re21b().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (ReSV().IsMatch(stem))
            {
                w = stem;
                if (Re21b2().IsMatch(w)) w += "e";
                else if (Re31b2().IsMatch(w)) w = Re1b2().Replace(w, "", 1);
                else if (Re41b2().IsMatch(w)) w += "e";
            }
        }

        // Step 1c
        if ((m = Re1c().Match(w)).Success) w = m.Groups[1].Value + "i";

        // Step 2
        if ((m = Re2().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem)) w = stem + Step2[m.Groups[2].Value];
        }

        // Step 3
        if ((m = Re3().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem)) w = stem + Step3[m.Groups[2].Value];
        }

        // Step 4
        if ((m = Re4().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem)) w = stem;
        }
        else if ((m = Re24().Match(w)).Success)
        {
            var stem = m.Groups[1].Value + m.Groups[2].Value;
            if (ReMgr1().IsMatch(stem)) w = stem;
        }

        // Step 5
        if ((m = Re5().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem) || (ReMeq1().IsMatch(stem) && !Re41b2().IsMatch(stem))) w = stem;
        }
        if (Re51().IsMatch(w) && ReMgr1().IsMatch(w)) w = Re1b2().Replace(w, "", 1);

        if (firstIsY) w = "y" + w.Substring(1);
        return w;
    }
}
