using System.Text;
using System.Text.Json;
using SiteBuilder.Diagnostics;
using SiteBuilder.Search;
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

    [Fact]
    public void Writes_index_documents_script_and_lunr_and_lunr_js_finds_remittance_pages_first()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());

        Assert.Equal(new[] { "search/index.json", "search/documents.json", "search/search-data.js", "search/lunr.min.js" }, result.Files.Select(f => f.Path));
        var index = result.Files[0].Content;
        var documents = JsonDocument.Parse(result.Files[1].Content).RootElement;
        var hits = LunrJs.Run<List<JsonElement>>("search", index, new[] { "remittances" })[0].GetProperty("results");
        var urls = hits.EnumerateArray().Select(h => documents[int.Parse(h.GetProperty("ref").GetString()!)].GetProperty("url").GetString()).ToList();
        Assert.Equal(new[] { "mhsm/", "mhsm/questionnaire/" }, urls);

        Assert.Equal(4, result.DocumentCount);
        Assert.Equal(index.Length, result.IndexBytes);
        Assert.InRange(result.IndexGzipBytes, 100, result.IndexBytes - 1);
        Assert.Equal(File.ReadAllBytes(Path.Combine(LunrJs.RepoRoot, "node_modules", "lunr", "lunr.min.js")), result.Files[3].Content);
    }

    [Fact]
    public void Document_store_holds_url_title_section_and_a_short_excerpt_by_ref()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions { ExcerptLength = 80 });
        var docs = JsonDocument.Parse(result.Files[1].Content).RootElement;
        // Ordered by Ref: covid-19/index.md, dimis/about.md, mhsm/index.md, mhsm/questionnaire.md.
        Assert.Equal("dimis/about/", docs[1].GetProperty("url").GetString());
        Assert.Equal("DIMiS", docs[1].GetProperty("section").GetString());
        var excerpt = docs[1].GetProperty("excerpt").GetString()!;
        Assert.EndsWith("…", excerpt);
        Assert.InRange(excerpt.Length, 40, 81);
        Assert.False(docs[0].TryGetProperty("section", out _));
    }

    [Fact]
    public void Script_form_evaluates_in_javascript_to_the_same_index_and_documents()
    {
        var docs = SiteDocuments();
        docs.Add(new("odd.md", "odd/", "It's a \\ backslash, \"quotes\" and </script>", "Odd",
            new[] { "Line\u2028separator" }, "Paragraph\u2029separator, apostrophe ' and new\nline.", new[] { "x'y" }));
        var result = SearchIndexWriter.Build(docs, new SearchOptions());
        var script = result.Files[2].Content;
        Assert.StartsWith("window.SITEBUILDER_SEARCH=JSON.parse('", Encoding.UTF8.GetString(script));

        var evaluated = JsonDocument.Parse(LunrJs.Run("script", script)).RootElement;
        Assert.Equal(Encoding.UTF8.GetString(result.Files[0].Content), evaluated.GetProperty("index").GetString());
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(result.Files[1].Content).RootElement, evaluated.GetProperty("documents")));
        Assert.Equal(script.Length, result.DataScriptBytes);
    }

    [Fact]
    public void Output_is_byte_stable_whatever_the_input_order()
    {
        var a = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());
        var shuffled = SiteDocuments();
        shuffled.Reverse();
        var b = SearchIndexWriter.Build(shuffled, new SearchOptions());
        Assert.All(a.Files.Zip(b.Files), p => Assert.Equal(p.First.Content, p.Second.Content));
    }

    [Fact]
    public void Budget_check_reports_sb1101_at_the_setting_when_exceeded_and_nothing_otherwise()
    {
        var result = SearchIndexWriter.Build(SiteDocuments(), new SearchOptions());
        var at = new SourceLocation("site.yml", 12, 3);
        var tight = new SearchOptions { MaxIndexBytes = 100, MaxIndexGzipBytes = 50 };
        var problems = SearchBudget.Check(result, tight, at);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("SB1101", p.Code));
        Assert.StartsWith("site.yml:12:3: error SB1101: search index is ", problems[0].ToString());
        Assert.Contains("over its budget of 100 B", problems[0].Message);
        Assert.Empty(SearchBudget.Check(result, new SearchOptions { MaxIndexBytes = result.IndexBytes, MaxIndexGzipBytes = result.IndexGzipBytes }, at));
    }

    [Theory]
    [InlineData("Short text.", 20, "Short text.")]
    [InlineData("  Spaces\n\n and   lines  ", 40, "Spaces and lines")]
    [InlineData("The Database on International Migration Statistics", 30, "The Database on International…")]
    public void Excerpt_collapses_whitespace_and_cuts_at_a_word(string body, int max, string expected) =>
        Assert.Equal(expected, SearchIndexWriter.Excerpt(body, max));
}
