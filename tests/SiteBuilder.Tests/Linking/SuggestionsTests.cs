using SiteBuilder.Linking;

namespace SiteBuilder.Tests.Linking;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void LevenshteinDistance(string a, string b, int distance) => Assert.Equal(distance, Suggestions.Distance(a, b));

    [Fact]
    public void ClosestIsCaseInsensitiveAndPrefersTheOrdinallyFirstOnATie()
    {
        Assert.Equal("Methods.md", Suggestions.Closest("method.md", ["about.md", "Methods.md", "index.md"]));
        Assert.Equal("ab-x.md", Suggestions.Closest("ab.md", ["ab-y.md", "ab-x.md"]));
        Assert.Null(Suggestions.Closest("completely-different.md", ["about.md", "index.md"]));
    }

    [Fact]
    public void ClosestMatchesTheSortAndMeasureEverythingDefinition()
    {
        // The pruned search must pick exactly what measuring every candidate in ordinal order picks.
        var random = new Random(11);
        string Word(int min, int max)
        {
            var chars = new char[random.Next(min, max)];
            for (int i = 0; i < chars.Length; i++) chars[i] = "abcdeABC-/"[random.Next(10)];
            return new string(chars);
        }
        for (int i = 0; i < 3000; i++)
        {
            string wrong = Word(0, 12);
            var candidates = Enumerable.Range(0, random.Next(0, 30)).Select(_ => Word(0, 14)).ToList();
            Assert.True(Reference(wrong, candidates) == Suggestions.Closest(wrong, candidates),
                $"Closest(\"{wrong}\", [{string.Join(", ", candidates)}])");
        }
    }

    private static string? Reference(string wrong, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            int d = Suggestions.Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return best is not null && bestDistance <= Math.Max(2, wrong.Length / 3) ? best : null;
    }
}
