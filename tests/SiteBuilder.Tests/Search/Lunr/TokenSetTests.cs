using SiteBuilder.Search.Lunr;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>The vocabulary automaton accepts exactly the index's terms, including where lunr.js's own does not.</summary>
public class TokenSetTests
{
    [Fact]
    public void Minimized_token_set_holds_exactly_the_inserted_words_even_with_digit_labels()
    {
        var words = TestCorpus.Words().Select(w => Trimmer.Trim(w.ToLowerInvariant()))
            .Concat(Enumerable.Range(0, 3000).Select(i => (i * 7919 % 100000 / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append("23.3").Append("23.9").Distinct().OrderBy(w => w, StringComparer.Ordinal).ToList();
        var accepted = TokenSet.FromArray(words).ToArray();
        Assert.Equal(words, accepted.OrderBy(w => w, StringComparer.Ordinal));
    }

    [Fact]
    public void Wildcard_and_fuzzy_automata_expand_to_the_expected_terms()
    {
        var vocabulary = TokenSet.FromArray(new[] { "census", "censuses", "consensus", "migrant", "migrat", "migration" });
        Assert.Equal(new[] { "migrant", "migrat", "migration" }, vocabulary.Intersect(TokenSet.FromString("migr*")).ToArray().Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "census" }, vocabulary.Intersect(TokenSet.FromFuzzyString("cnesus", 1)).ToArray());
        Assert.Equal(new[] { "census", "consensus" }, vocabulary.Intersect(TokenSet.FromString("*ensus")).ToArray().Order(StringComparer.Ordinal));
    }
}
