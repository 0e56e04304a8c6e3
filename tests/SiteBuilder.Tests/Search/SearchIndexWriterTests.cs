using System.Text;
using System.Text.Json;
using SiteBuilder.Diagnostics;
using SiteBuilder.Search;
using SiteBuilder.Search.Shards;
using SiteBuilder.Tests.Search.Lunr;

namespace SiteBuilder.Tests.Search;

/// <summary>The site's search files: what they hold, that lunr.js answers from them, stability, and the size budget.</summary>
public class SearchIndexWriterTests
{
    private static List<SearchDocument> SiteDocuments() => new()
    {
        new("mhsm/index.md", "mhsm/", "Harmonized survey module on migration and remittances", "MHSM",
            new[] { "Purpose", "Remittances module" }, "The module measures remittances sent and received by households, and return migration.", new[] { "remittances", "household-survey" }),
        new("mhsm/questionnaire.md", "mhsm/questionnaire/", "Questionnaire", "MHSM",
            new[] { "Remittances" }, "Questions on money and goods sent to relatives abroad.", new[] { "questionnaire" }),
        new("dimis/about.md", "dimis/about/", "About DIMiS", "DIMiS",
            new[] { "History" }, "The Database on International Migration Statistics collects census and register data. " + string.Concat(Enumerable.Repeat("Country tables and metadata. ", 20)), Array.Empty<string>()),
        new("covid-19/index.md", "covid-19/", "Covid-19 and official statistics", null,
            Array.Empty<string>(), "How statistical offices kept producing data during the pandemic.", new[] { "covid" }),
    };

    // The JSON a data file registers: SiteBuilderSearch.add("ID",DATA);
    private static JsonElement Data(SearchIndexResult result, string id)
    {
        var text = Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "search/" + id + ".js").Content);
        var prefix = $"SiteBuilderSearch.add(\"{id}\",";
        Assert.StartsWith(prefix, text);
        Assert.EndsWith(");\n", text);
        return JsonDocument.Parse(text[prefix.Length..^3]).RootElement.Clone();
    }

    [Fact]
    public void Writes_manifest_shards_dictionary_documents_loader_and_lunr_each_an_ascii_script()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());

        Assert.Equal(["search/terms/0.js", "search/dictionary.js", "search/docs/0.js", "search/manifest.js", "search/lunr.min.js", "search/sb-search.js"],
            result.Files.Select(f => f.Path));
        var manifest = Data(result, "manifest");
        Assert.Equal(3, manifest.GetProperty("format").GetInt32());
        Assert.Equal(["title", "headings", "body", "labels", "section"], manifest.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(10, manifest.GetProperty("boosts").GetProperty("title").GetDouble());
        Assert.Equal(4, manifest.GetProperty("documents").GetInt32());
        Assert.Equal(["stemmer"], manifest.GetProperty("pipeline").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([""], manifest.GetProperty("terms").EnumerateArray().Select(f => f.GetString()));
        var dictionary = Data(result, "dictionary").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(dictionary.Order(StringComparer.Ordinal), dictionary);
        Assert.Contains("remitt", dictionary);
        Assert.Equal(4, result.DocumentCount);
        Assert.Equal(dictionary.Count, result.TermCount);
        Assert.Equal(result.Files.Count, result.FileCount);
        Assert.Equal(result.Files.Sum(f => (long)f.Content.Length), result.TotalBytes);
        Assert.All(result.Files.Where(f => f.Path != "search/lunr.min.js" && f.Path != "search/sb-search.js"),
            f => Assert.DoesNotContain(f.Content, b => b > 127));
        Assert.Equal(File.ReadAllBytes(Path.Combine(LunrJs.RepoRoot, "node_modules", "lunr", "lunr.min.js")), result.Files.Single(f => f.Path == "search/lunr.min.js").Content);
        Assert.Equal(File.ReadAllBytes(Path.Combine(LunrJs.RepoRoot, "src", "SiteBuilder", "Search", "sb-search.js")), result.Files.Single(f => f.Path == "search/sb-search.js").Content);
    }

    [Fact]
    public void A_term_record_holds_its_index_and_each_postings_field_mask_and_vector_values()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());
        var record = Data(result, "terms/0").EnumerateArray().Single(r => r[0].GetString() == "remitt");
        Assert.Equal(0, record[2].GetArrayLength());
        // [ref delta, mask, values…]: mhsm/index.md (ref 2) has it in title, headings, body and labels; the
        // questionnaire (ref 3, delta 1) in its heading only. Values are lunr's 3-decimal scores times 1000.
        var list = record[3].EnumerateArray().Select(v => v.GetInt64()).ToList();
        Assert.Equal([2, 0b1111], list.Take(2));
        Assert.Equal([1, 0b0010], list.Skip(6).Take(2));
        Assert.Equal(9, list.Count);
        Assert.All(list.Skip(2).Take(4).Concat(list.Skip(8)), v => Assert.True(v > 0));
    }

    [Fact]
    public void A_long_tail_is_cut_by_ref_range_into_parts_in_a_row_that_hold_every_posting_not_in_the_head()
    {
        // 300 pages with "migration" (stem migrat) once to five times: its head holds 64 of them, its tail the rest.
        var documents = Enumerable.Range(0, 300).Select(i => new SearchDocument($"p/{i:D3}.md", $"p/{i:D3}/", $"Page {i}", null, [],
            string.Join(" ", Enumerable.Repeat("migration", 1 + i % 5)) + $" text{i} filler words here", [])).ToList();
        var result = SearchIndexWriter.Build(documents, new SearchOptions { TailSizes = new(SplitTailBytes: 1024, TailPartBytes: 256) });
        var record = result.Files.Select(f => f.Path).Where(p => p.StartsWith("search/terms/", StringComparison.Ordinal))
            .SelectMany(p => Data(result, p[7..^3]).EnumerateArray()).Single(r => r[0].GetString() == "migrat");
        var tail = record[2].EnumerateArray().Select(v => v.GetInt32()).ToList();
        // [file, ref1, ref2, …]: part k in more/(file + k), part k >= 1 from ref_k on, in rising ref order.
        Assert.True(tail.Count >= 4, $"{tail.Count} parts");
        var starts = new List<int> { 0 };
        starts.AddRange(tail.Skip(1));
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(starts.Count, starts.Distinct().Count());
        var seen = Refs(record[3]).ToList();
        Assert.Equal(ShardWriter.HeadSize, seen.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var row = Assert.Single(Data(result, "more/" + (tail[0] + k)).EnumerateArray());
            Assert.Equal("migrat", row[0].GetString());
            var refs = Refs(row[1]).ToList();
            Assert.NotEmpty(refs);
            Assert.Equal(starts[k], refs[0]);
            if (k + 1 < starts.Count) Assert.True(refs[^1] < starts[k + 1], $"part {k} ends at {refs[^1]}, part {k + 1} starts at {starts[k + 1]}");
            seen.AddRange(refs);
        }
        Assert.Equal(Enumerable.Range(0, 300), seen.Order());
        // The budget of a query counts every part of the tail (a search that only the whole list decides reads them all).
        var parts = Enumerable.Range(tail[0], starts.Count).Sum(n => SiteBuilder.Search.Shards.ShardWriter.GzipSize(result.Files.Single(f => f.Path == $"search/more/{n}.js").Content));
        Assert.True(result.LargestQuery.GzipBytes > parts, $"{result.LargestQuery.GzipBytes} B for '{result.LargestQuery.Term}', the parts {parts} B");
    }

    // The refs of a posting list: [ref delta, field mask, one value per field of the mask, …].
    private static IEnumerable<int> Refs(JsonElement list)
    {
        var values = list.EnumerateArray().Select(v => v.GetInt32()).ToList();
        for (int i = 0, docRef = 0; i < values.Count;)
        {
            docRef += values[i];
            yield return docRef;
            i += 2 + System.Numerics.BitOperations.PopCount((uint)values[i + 1]);
        }
    }

    [Fact]
    public void Document_shards_hold_url_title_section_and_a_short_excerpt_by_ref()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions { ExcerptLength = 80 });
        var docs = Data(result, "docs/0");
        // Ordered by Ref: covid-19/index.md, dimis/about.md, mhsm/index.md, mhsm/questionnaire.md.
        Assert.Equal("dimis/about/", docs[1][0].GetString());
        Assert.Equal("About DIMiS", docs[1][1].GetString());
        Assert.Equal("DIMiS", docs[1][2].GetString());
        var excerpt = docs[1][3].GetString()!;
        Assert.EndsWith("…", excerpt);
        Assert.InRange(excerpt.Length, 40, 81);
        Assert.Equal(JsonValueKind.Null, docs[0][2].ValueKind);
    }

    [Fact]
    public void The_index_json_setting_also_writes_the_whole_index_that_lunr_js_loads()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions { WriteIndexJson = true });
        var index = result.Files.Single(f => f.Path == "search/index.json").Content;
        var hits = LunrJs.Run<List<JsonElement>>("search", index, new[] { "remittances" })[0].GetProperty("results");
        Assert.Equal(["2", "3"], hits.EnumerateArray().Select(h => h.GetProperty("ref").GetString()));
        Assert.DoesNotContain(SearchIndexWriter.Build(SiteDocuments(), new SearchOptions()).Files, f => f.Path == "search/index.json");
    }

    [Fact]
    public void Output_is_byte_stable_whatever_the_input_order()
    {
        var a = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());
        var shuffled = SiteDocuments();
        shuffled.Reverse();
        var b = SearchIndexWriter.Build(shuffled, new SearchOptions());
        Assert.Equal(a.Files.Select(f => f.Path), b.Files.Select(f => f.Path));
        Assert.All(a.Files.Zip(b.Files), p => Assert.Equal(p.First.Content, p.Second.Content));
    }

    [Fact]
    public void Budget_check_reports_sb1101_at_each_setting_when_exceeded_and_nothing_otherwise()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());
        var tight = new SearchOptions
        {
            MaxTotalBytes = 100, MaxTotalBytesAt = new SourceLocation("site.yml", 12, 17),
            MaxQueryBytes = 50, MaxQueryBytesAt = new SourceLocation("site.yml", 13, 23),
        };
        var problems = SearchBudget.Check(result, tight, SourceLocation.File("site.yml"));
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("SB1101", p.Code));
        Assert.StartsWith("site.yml:12:17: error SB1101: search files are ", problems[0].ToString());
        Assert.EndsWith("over their budget of 100 B", problems[0].Message);
        Assert.StartsWith("site.yml:13:23: error SB1101: a search for '", problems[1].ToString());
        Assert.EndsWith("gzipped, over the per-query budget of 50 B", problems[1].Message);
        Assert.Empty(SearchBudget.Check(result, new SearchOptions { MaxTotalBytes = result.TotalBytes, MaxQueryBytes = result.LargestQuery.GzipBytes }, SourceLocation.File("site.yml")));
        // A budget site.yml does not set is the default, reported at site.yml with how to change it.
        var byDefault = SearchBudget.Check(result, new SearchOptions { MaxTotalBytes = 100 }, SourceLocation.File("site.yml"));
        Assert.StartsWith("site.yml: error SB1101: search files are ", Assert.Single(byDefault).ToString());
        Assert.EndsWith("over their budget of 100 B (the default; search.budget_bytes in site.yml sets another)", byDefault[0].Message);
        // The largest query counts lunr.min.js, the loader, the manifest, its shard and the document shard.
        Assert.True(result.LargestQuery.GzipBytes > result.Files.Single(f => f.Path == "search/lunr.min.js").Content.Length / 4);
    }

    [Theory]
    [InlineData("Short text.", 20, "Short text.")]
    [InlineData("  Spaces\n\n and   lines  ", 40, "Spaces and lines")]
    [InlineData("The Database on International Migration Statistics", 30, "The Database on International…")]
    public void Excerpt_collapses_whitespace_and_cuts_at_a_word(string body, int max, string expected) =>
        Assert.Equal(expected, SearchIndexWriter.Excerpt(body, max));
}
