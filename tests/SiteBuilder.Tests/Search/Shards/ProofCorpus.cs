using System.Globalization;
using SiteBuilder.Search;
using SiteBuilder.Tests.Search.Lunr;

namespace SiteBuilder.Tests.Search.Shards;

/// <summary>
/// A generated wiki for the equality proof of the sharded index, and the queries to prove it with. Words come from the
/// real prose of <see cref="TestCorpus"/> (accents, Greek, Turkish İ, emoji, numbers, JavaScript property names),
/// drawn Zipf-like so that a few terms are in most pages (long postings, split into head and tail) and most in few.
/// Deterministic for a seed.
/// </summary>
public static class ProofCorpus
{
    private static readonly string[] Sections = ["Migration statistics", "DIMiS", "Covid-19 and official statistics", "Harmonized survey module"];
    private static readonly string[] Labels = ["migration", "census", "remittances", "labour-mobility", "dimis", "covid", "2022", "données"];

    /// <summary>The distinct words of the prose fixtures.</summary>
    public static IReadOnlyList<string> Words { get; } = TestCorpus.Words();

    /// <summary><paramref name="count"/> pages with title, headings, body, labels and section.</summary>
    public static List<SearchDocument> Documents(int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<SearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Word(random)));
            var headings = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Text(1, 5)).ToList();
            var labels = Labels.Where(_ => random.Next(4) == 0).ToList();
            string? section = random.Next(8) == 0 ? null : Sections[random.Next(Sections.Length)];
            var id = i.ToString("D5", CultureInfo.InvariantCulture);
            docs.Add(new SearchDocument($"p/{id}.md", $"p/{id}/", Text(2, 9), section, headings, Text(30, 260), labels));
        }
        return docs;
    }

    // Zipf-like: the index drawn as n * u^3 puts most draws on the first words.
    private static string Word(Random random) => Words[(int)(Words.Count * Math.Pow(random.NextDouble(), 3))];

    /// <summary>
    /// <paramref name="perKind"/> queries of every kind the proof needs: one and several words, the search box's
    /// form (words, then the last as a prefix), +/- presence, field:term, ^boost, trailing, leading and inner wildcards,
    /// ~1 and ~2, absent terms, stop words, non-ASCII, punctuation only, and invalid syntax.
    /// </summary>
    public static List<string> Queries(int perKind, int seed)
    {
        var random = new Random(seed);
        var words = Words.Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        string Any() => words[(int)(words.Count * Math.Pow(random.NextDouble(), 2))];
        string Plain()
        {
            var w = new string(Any().Where(char.IsLetterOrDigit).ToArray());
            return w.Length is > 0 and <= 24 ? w : "census";
        }
        // Mostly two letters or more: a one-letter prefix loads a large part of the index (a few are still asked).
        string Prefix(int max)
        {
            var w = Plain();
            return w[..Math.Min(w.Length, random.Next(random.Next(10) == 0 ? 1 : 2, max + 1))];
        }
        string Field() => new[] { "title", "headings", "body", "labels", "section" }[random.Next(5)];
        var nonAscii = Words.Where(w => w.Any(c => c > 127)).ToList();
        var kinds = new List<Func<string>>
        {
            () => Any(),
            () => Any() + " " + Any(),
            () => string.Join(' ', Enumerable.Range(0, random.Next(3, 6)).Select(_ => Plain())),
            () => { var last = Plain(); return Plain() + " " + last + " " + last.ToLowerInvariant() + "*"; },
            () => "+" + Plain() + " +" + Plain(),
            () => Plain() + " -" + Plain(),
            () => "-" + Plain(),
            () => "+" + Plain() + " -" + Plain() + " " + Plain(),
            () => Field() + ":" + Plain(),
            () => Field() + ":" + Plain() + " " + Plain(),
            () => Plain() + "^" + random.Next(1, 20) + " " + Plain(),
            () => Field() + ":" + Plain() + "^" + random.Next(1, 5) + " +" + Plain(),
            () => Prefix(6) + "*",
            () => Prefix(3) + "* " + Plain(),
            () => { var w = Plain(); return "*" + w[Math.Min(2, w.Length - 1)..]; },
            () => { var w = Plain(); return Prefix(2) + "*" + w[^Math.Min(2, w.Length)..]; },
            () => Plain() + "~1",
            () => Plain() + "~2",
            () => Plain() + "~1 " + Plain(),
            () => "xq" + Plain() + "zz",
            () => new[] { "the", "and of", "to be or not", "the migration", "+the", "which", "is -and" }[random.Next(7)],
            () => nonAscii[random.Next(nonAscii.Count)],
            () => new[] { "!!!", "—", "...", "?", "()", "«»", "--", "''", "#", "&&", "/", "|" }[random.Next(12)],
            () => new[] { "title:", "a^x", "b~", "+", "-", ":x", "^2", "~1", "field:value", "title:+a" }[random.Next(10)],
        };
        // Every term, and every term prohibited (which lunr answers with every document).
        var queries = new List<string> { "*", "-*" };
        foreach (var kind in kinds)
            for (var i = 0; i < perKind; i++) queries.Add(kind());
        return queries;
    }
}
