using System.Text.RegularExpressions;

namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>
/// Documents made from real prose that no test chose for convenience: the project's content brief (Markdown with
/// punctuation, URLs, emoji), the CES Bureau seed report (numbers, hyphenated ranges), and a file of hostile text
/// (accents, Greek final sigma, Turkish İ, odd whitespace, surrogate pairs, JavaScript property names).
/// Refs mix paths, numbers (which JavaScript enumerates first) and near-numbers.
/// </summary>
public static class TestCorpus
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Search", "Lunr", "Fixtures", name);

    /// <summary>Every word (split on whitespace) of the prose fixtures, distinct, in first-seen order.</summary>
    public static List<string> Words() =>
        AllText().SelectMany(t => Regex.Split(t, @"\s+")).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> AllText()
    {
        yield return File.ReadAllText(Fixture("brief.md"));
        yield return File.ReadAllText(SeedPath);
        yield return File.ReadAllText(Fixture("tricky.txt"));
    }

    private static string SeedPath => Directory.GetFiles(Path.Combine(LunrJs.RepoRoot, "seeds"), "*.txt").OrderBy(p => p, StringComparer.Ordinal).First();

    /// <summary>The documents: {id, title, body, labels}, where labels is an array (sometimes with a number or null in it).</summary>
    public static List<Dictionary<string, object?>> Documents()
    {
        var docs = new List<Dictionary<string, object?>>();
        // The brief: one document per Markdown section.
        var brief = File.ReadAllText(Fixture("brief.md"));
        var sections = Regex.Split(brief, @"(?m)^(?=#{1,4} )");
        var n = 0;
        foreach (var section in sections.Where(s => s.Trim().Length > 0))
        {
            var lines = section.Split('\n');
            var title = lines[0].TrimStart('#', ' ');
            docs.Add(Doc($"brief/{n}/", title, string.Join("\n", lines.Skip(1)), n % 3 == 0 ? new List<object?> { "Migration", "DIMiS" } : new List<object?> { "COV" }));
            n++;
        }
        // The seed: three paragraphs a document, refs numbered downwards so JavaScript's key order differs from insertion order.
        var paragraphs = Regex.Split(File.ReadAllText(SeedPath), @"\n\s*\n").Where(p => p.Trim().Length > 0).ToList();
        for (var i = 0; i * 3 < paragraphs.Count; i++)
        {
            var chunk = paragraphs.Skip(i * 3).Take(3).ToList();
            var first = chunk[0].Trim();
            docs.Add(Doc((40 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Length > 60 ? first[..60] : first,
                string.Join("\n\n", chunk), i % 2 == 0 ? new List<object?> { "CES", 2022, null, "" } : null));
        }
        // The hostile lines, with refs that are and are not array indices.
        var refs = new[] { "007", "4294967295", "4294967294", "0", "t/ü", "10", "t/σ", "constructor", "__proto__", "t 10" };
        var tricky = File.ReadAllLines(Fixture("tricky.txt"));
        for (var i = 0; i < tricky.Length; i++)
            docs.Add(Doc(refs[i % refs.Length], string.Join(' ', tricky[i].Split(' ').Take(4)), tricky[i], new List<object?> { tricky[i].Split(' ')[0] }));
        return docs;
    }

    private static Dictionary<string, object?> Doc(string id, string title, string body, List<object?>? labels) =>
        new() { ["id"] = id, ["title"] = title, ["body"] = body, ["labels"] = labels };
}
