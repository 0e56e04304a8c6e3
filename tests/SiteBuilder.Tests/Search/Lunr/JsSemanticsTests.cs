using System.Globalization;
using System.Text;
using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>The JavaScript primitives lunr's output depends on agree with Node's, value for value.</summary>
public class JsSemanticsTests
{
    [Fact]
    public void Stemmer_matches_lunr_stemmer_on_thousands_of_words()
    {
        var words = TestCorpus.Words().Select(w => w.ToLowerInvariant()).ToList();
        var trimmed = words.Select(Trimmer.Trim).Where(w => w.Length > 0).ToList();
        string[] suffixes = { "s", "es", "ies", "ed", "eed", "ing", "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli",
            "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti",
            "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize", "e", "ll", "y", "ly", "at", "bl", "iz", "hop", "fil", "fail" };
        string[] stems = { "migr", "relat", "condit", "y", "yell", "happ", "hop", "generaliz", "sensit", "cr", "ca", "agre", "feed", "plaster", "bl", "sk", "tann", "fall", "contro", "rol", "ab", "a" };
        var generated = stems.SelectMany(s => suffixes.Select(x => s + x));
        var all = words.Concat(trimmed).Concat(generated).Append("").Append("yy").Append("y\nied").Append("ying").Distinct(StringComparer.Ordinal).ToList();
        Assert.True(all.Count > 3000, $"only {all.Count} words");

        var expected = LunrJs.Run<List<string>>("stem", all);
        var mismatches = all.Select((w, i) => (w, expected[i], ours: Stemmer.Stem(w))).Where(x => x.Item2 != x.ours).Take(20).ToList();
        Assert.True(mismatches.Count == 0, "stems differ: " + string.Join("; ", mismatches.Select(m => $"{m.w} → lunr {m.Item2}, ours {m.ours}")));
    }

    [Fact]
    public void ToLower_matches_javascript_for_every_bmp_character_and_for_special_casing()
    {
        var inputs = new List<string>();
        for (var c = 0; c < 0x10000; c++)
            if (c < 0xD800 || c > 0xDFFF) inputs.Add(((char)c).ToString());
        for (var c = 0x10000; c < 0x20000; c++) inputs.Add(char.ConvertFromUtf32(c));
        inputs.AddRange(new[] { "ΟΔΥΣΣΕΥΣ", "ΣΟΦΟΣ Σ ΚΑΙ", "ΑΣ.", "Σ", "ΑΣ'Β", "İSTANBUL", "DİYARBAKIR", "𐐀𐐁𝔘", "ΌΣΟΣ-ΌΣΟΣ" });
        inputs.AddRange(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "Lunr", "Fixtures", "tricky.txt")));
        var expected = LunrJs.Run<List<string>>("lower", inputs);
        var mismatches = inputs.Select((s, i) => (s, expected[i], ours: JsString.ToLower(s))).Where(x => x.Item2 != x.ours)
            .Select(x => $"U+{char.ConvertToUtf32(x.s, 0):X4} '{x.s}' → js '{x.Item2}', ours '{x.ours}'").ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ: " + string.Join("; ", mismatches.Take(30)));
    }

    [Fact]
    public void Log_matches_v8_math_log_bit_for_bit()
    {
        var inputs = new List<double>();
        // The values lunr's idf takes: 1 + (N - n + 0.5) / (n + 0.5) for corpus sizes up to 20000.
        foreach (var n in new[] { 1, 2, 3, 7, 10, 64, 100, 999, 1000, 5000, 10000, 20000 })
            for (var k = 1; k <= n; k += Math.Max(1, n / 97))
                inputs.Add(1 + Math.Abs((n - k + 0.5) / (k + 0.5)));
        var rng = new Random(7);
        for (var i = 0; i < 3000; i++) inputs.Add(Math.Exp(rng.NextDouble() * 80 - 40));
        inputs.AddRange(new[] { 1.0, 2.0, 0.5, 1e-310, 1.0000001, 0.9999999, double.Epsilon, double.MaxValue });
        var expected = LunrJs.Run<List<double>>("log", inputs);
        var mismatches = inputs.Select((x, i) => (x, js: expected[i], ours: JsNumber.Log(x)))
            .Where(t => BitConverter.DoubleToInt64Bits(t.js) != BitConverter.DoubleToInt64Bits(t.ours)).Take(10).ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches.Select(m => $"log({m.x:R}) js {m.js:R} ours {m.ours:R}")));
    }

    [Fact]
    public void Number_formatting_matches_json_stringify()
    {
        var rng = new Random(11);
        var inputs = new List<double> { 0, -0.0, 1, -1, 0.1, 0.001, 1e-6, 1e-7, 1.5e-7, 123456789012345680000.0, 1e21, 1.5e21, 1e300, 5e-324,
            2.5, 0.000001234, 0.0000001234, 100, 1e15, 1e16, 123.456, 4294967295, -3.25e-10, double.MaxValue };
        for (var i = 0; i < 2000; i++) inputs.Add(Math.Round(rng.NextDouble() * 20, 3));
        for (var i = 0; i < 500; i++) inputs.Add(Math.Pow(10, rng.NextDouble() * 60 - 30) * (rng.Next(2) == 0 ? 1 : -1));
        var expected = LunrJs.Run<List<string>>("format", inputs);
        var mismatches = inputs.Select((x, i) => (x, js: expected[i], ours: JsNumber.Format(x))).Where(t => t.js != t.ours).Take(10).ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches.Select(m => $"{m.x.ToString("R", CultureInfo.InvariantCulture)}: js {m.js} ours {m.ours}")));
    }

    [Fact]
    public void Round_to_three_decimals_rounds_halves_up_like_math_round()
    {
        Assert.Equal(0.001, JsNumber.RoundTo3(0.0005));
        Assert.Equal(-2, JsNumber.Round(-2.5));
        Assert.Equal(3, JsNumber.Round(2.5));
        Assert.Equal(0, JsNumber.Round(0.49999999999999994));
    }

    [Fact]
    public void Tokenizer_splits_on_javascript_whitespace_and_hyphens_with_positions()
    {
        var tokens = Tokenizer.Tokenize("Co-operation\u00a0in  2018\u2013x\u0085y", "body");
        Assert.Equal(new[] { "co", "operation", "in", "2018\u2013x\u0085y" }, tokens.Select(t => t.Str));
        Assert.Equal(new[] { 0, 3, 13, 17 }, tokens.Select(t => t.Start));
        Assert.Equal(new[] { 2, 9, 2, 8 }, tokens.Select(t => t.Length));
        Assert.Equal(new[] { 0, 1, 2, 3 }, tokens.Select(t => t.Index));
    }

    [Fact]
    public void Trimmer_strips_non_ascii_word_characters_at_the_edges_like_lunr()
    {
        Assert.Equal("caf", Trimmer.Trim("café,"));
        Assert.Equal("don't", Trimmer.Trim("“don't”"));
        Assert.Equal("", Trimmer.Trim("—"));
        Assert.Equal("__init__", Trimmer.Trim("(__init__)"));
    }
}
