namespace SiteBuilder.Tests.Search.Lunr;

/// <summary>
/// Real lunr.js searches the index we build (searching is lunr.js's only: the site's search runs it in the browser).
/// That lunr.js answers on our index as on its own follows from the byte-identity proofs of <see cref="IndexBuilderTests"/>.
/// </summary>
public class SearchTests
{
    private sealed record JsResult(string @ref, double score, List<string> terms);

    private sealed record JsQueryOutcome(string query, List<JsResult>? results, string? error, string? crash);

    [Fact]
    public void Remittances_finds_the_documents_that_mention_it_first_in_title()
    {
        var docs = new List<Dictionary<string, object?>>
        {
            new() { ["id"] = "a", ["title"] = "Harmonized module on remittances", ["body"] = "Survey questions on money sent home." },
            new() { ["id"] = "b", ["title"] = "Census rounds", ["body"] = "Remittances are mentioned once here." },
            new() { ["id"] = "c", ["title"] = "Labour mobility", ["body"] = "Nothing about money." },
        };
        var index = IndexBuilderTests.BuildOurs(docs, new[] { ("title", 10.0), ("body", 1.0) });
        var outcome = Assert.Single(LunrJs.Run<List<JsQueryOutcome>>("search", index.ToJsonBytes(), new[] { "remittances" }));
        var results = outcome.results!;
        Assert.Equal(new[] { "a", "b" }, results.Select(r => r.@ref));
        Assert.True(results[0].score > results[1].score);
        Assert.All(results, r => Assert.Equal(["remitt"], r.terms));
    }
}
